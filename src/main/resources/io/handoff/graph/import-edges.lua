-- Stores a batch of handoffs as given (an import or a restore), replacing any edge between the same two people, and
-- moves the team counters by the batch's net change, one write per pair of teams.
-- KEYS: 1 teamedges, then for edge i (0-based): 2+2i adj:<up>  3+2i adj:<down>
-- ARGV: for edge i: 1+3i up id  2+3i down id  3+3i encoded edge
-- Returns how many edges were new or changed. Every person is checked before the first write: a batch naming an
-- unknown person is refused whole and leaves nothing behind. Each adjacency string is read once and written once;
-- lines new to a string are collected and appended at the end, so a busy person's string is not copied per edge.
local n = #ARGV / 3
local held = {}
local order = {}
local function hold(key)
  local state = held[key]
  if state == nil then
    local adj = redis.call('GET', key)
    if not adj then return nil end
    local card = cardOf(adj)
    state = { adj = adj, card = card, summary = summaryOf(card), added = {}, addedAt = {}, changed = false }
    held[key] = state
    order[#order + 1] = key
  end
  return state
end

for i = 0, n - 1 do
  if hold(KEYS[2 + 2 * i]) == nil then
    return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. ARGV[1 + 3 * i])
  end
  if hold(KEYS[3 + 2 * i]) == nil then
    return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. ARGV[2 + 3 * i])
  end
end

local function currentEdge(state, direction, other)
  local at = state.addedAt[direction .. other]
  if at then
    return string.match(state.added[at], '^\n[<>][^\t]+\t([^\t]*)\t')
  end
  return entryEdge(state.adj, direction, other)
end

local function put(state, direction, other, encoded, otherSummary)
  local tag = direction .. other
  local at = state.addedAt[tag]
  if at then
    state.added[at] = '\n' .. tag .. '\t' .. encoded .. '\t' .. otherSummary
  elseif findEntry(state.adj, direction, other) then
    state.adj = withEntry(state.adj, direction, other, encoded, otherSummary)
  else
    state.added[#state.added + 1] = '\n' .. tag .. '\t' .. encoded .. '\t' .. otherSummary
    state.addedAt[tag] = #state.added
  end
  state.changed = true
end

local deltas, pairOrder = {}, {}
local function count(upTeam, downTeam, encoded, delta)
  local pair, slots = counterSlots(upTeam, downTeam, encoded)
  if pair then
    if deltas[pair] == nil then
      deltas[pair] = { 0, 0, 0, 0, 0, 0, 0 }
      pairOrder[#pairOrder + 1] = pair
    end
    for _, slot in ipairs(slots) do
      deltas[pair][slot] = deltas[pair][slot] + delta
    end
  end
end

local written = 0
for i = 0, n - 1 do
  local up, down = held[KEYS[2 + 2 * i]], held[KEYS[3 + 2 * i]]
  local upId, downId, encoded = ARGV[1 + 3 * i], ARGV[2 + 3 * i], ARGV[3 + 3 * i]
  local current = currentEdge(up, '>', downId)
  if current ~= encoded then
    put(up, '>', downId, encoded, down.summary)
    put(down, '<', upId, encoded, up.summary)
    local upTeam, downTeam = teamOfCard(up.card), teamOfCard(down.card)
    count(upTeam, downTeam, current, -1)
    count(upTeam, downTeam, encoded, 1)
    written = written + 1
  end
end
for _, key in ipairs(order) do
  local state = held[key]
  if state.changed then
    redis.call('SET', key, state.adj .. table.concat(state.added))
  end
end
for _, pair in ipairs(pairOrder) do
  local changed = false
  for slot = 1, 7 do
    if deltas[pair][slot] ~= 0 then changed = true end
  end
  if changed then
    addToPair(KEYS[1], pair, deltas[pair])
  end
end
return written
