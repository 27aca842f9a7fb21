-- Stores a batch of handoffs as given (an import or a restore), replacing any edge between the same two people, and
-- moves the team counters by the batch's net change, one write per pair of teams.
-- KEYS: 1 teamedges, then for edge i (0-based): 2+4i adj:<up>  3+4i adj:<down>  4+4i the key of up's line about down
--       (adj:<up>, or its part when up's lines are split)  5+4i the key of down's line about up
-- ARGV: 1 split size, then for edge i: 2+5i up id  3+5i down id  4+5i encoded edge  5+5i up's part count as the
--       caller read it  6+5i down's
-- Returns { how many edges were new or changed, then the ids of the people whose lines key is now longer than the
-- split size (the caller splits them) }. Every person and part count is checked before the first write: a batch
-- naming an unknown person is refused whole and leaves nothing behind, as is one whose part counts changed
-- (HANDOFF_PARTS_CHANGED: the caller re-reads them). Each key is read once and written once; lines new to a key are
-- collected and appended at the end, so a long key is not copied per edge.
local split = tonumber(ARGV[1])
local n = (#ARGV - 1) / 5
local people = {}
local held = {}
local order = {}

local function person(key, id, parts)
  local state = people[key]
  if state == nil then
    local adj = redis.call('GET', key)
    if not adj then return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. id) end
    local card = cardOf(adj)
    state = { adj = adj, card = card, summary = summaryOf(card), team = teamOfCard(card), parts = partsOf(adj),
      id = id }
    people[key] = state
  end
  if state.parts ~= tonumber(parts) then
    return redis.error_reply('HANDOFF_PARTS_CHANGED ' .. id)
  end
  return state
end

local function lines(key, owner)
  local state = held[key]
  if state == nil then
    local text
    if owner.parts == 0 then text = owner.adj else text = redis.call('GET', key) or '' end
    state = { text = text, added = {}, addedAt = {}, changed = false, owner = owner }
    held[key] = state
    order[#order + 1] = key
  end
  return state
end

local edges = {}
for i = 0, n - 1 do
  local a = 2 + 5 * i
  local up = person(KEYS[2 + 4 * i], ARGV[a], ARGV[a + 3])
  if up.err then return up end
  local down = person(KEYS[3 + 4 * i], ARGV[a + 1], ARGV[a + 4])
  if down.err then return down end
  edges[i + 1] = { up, down, KEYS[4 + 4 * i], KEYS[5 + 4 * i], ARGV[a], ARGV[a + 1], ARGV[a + 2] }
end

local function currentEdge(state, tag)
  local at = state.addedAt[tag]
  if at then
    return string.match(state.added[at], '^\n[<>][^\t]+\t([^\t]*)\t')
  end
  local start = string.find(state.text, '\n' .. tag .. '\t', 1, true)
  if not start then return nil end
  local edgeStart = start + 2 + #tag
  return string.sub(state.text, edgeStart, string.find(state.text, '\t', edgeStart, true) - 1), true
end

local function put(state, tag, encoded, otherSummary, present)
  local line = '\n' .. tag .. '\t' .. encoded .. '\t' .. otherSummary
  local at = state.addedAt[tag]
  if at then
    state.added[at] = line
  elseif present then
    state.text = withEntry(state.text, string.sub(tag, 1, 1), string.sub(tag, 2), encoded, otherSummary)
  else
    state.added[#state.added + 1] = line
    state.addedAt[tag] = #state.added
  end
  state.changed = true
end

local deltas, pairOrder = {}, {}
local function count(upTeam, downTeam, encoded, delta)
  local pair, slots = counterSlots(upTeam, downTeam, encoded)
  if pair then
    local d = deltas[pair]
    if d == nil then
      d = { 0, 0, 0, 0, 0, 0, 0 }
      deltas[pair] = d
      pairOrder[#pairOrder + 1] = pair
    end
    for _, slot in ipairs(slots) do
      d[slot] = d[slot] + delta
    end
  end
end

local written = 0
for _, e in ipairs(edges) do
  local up, down, upId, downId, encoded = e[1], e[2], e[5], e[6], e[7]
  local upLines, downLines = lines(e[3], up), lines(e[4], down)
  local outTag, inTag = '>' .. downId, '<' .. upId
  local current, upPresent = currentEdge(upLines, outTag)
  if current ~= encoded then
    local _, downPresent = currentEdge(downLines, inTag)
    put(upLines, outTag, encoded, down.summary, upPresent)
    put(downLines, inTag, encoded, up.summary, downPresent)
    count(up.team, down.team, current, -1)
    count(up.team, down.team, encoded, 1)
    written = written + 1
  end
end
local result = { written }
local flagged = {}
for _, key in ipairs(order) do
  local state = held[key]
  if state.changed then
    local text = state.text .. table.concat(state.added)
    redis.call('SET', key, text)
    if #text > split and not flagged[state.owner.id] then
      flagged[state.owner.id] = true
      result[#result + 1] = state.owner.id
    end
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
return result
