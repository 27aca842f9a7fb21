-- Stores a batch of handoffs as given (an import or a restore), replacing any edge between the same two people, and
-- moves the team counters by the batch's net change, one write per pair of teams.
-- KEYS: 1 teamedges, then for edge i (0-based): 2+4i adj:<up>  3+4i adj:<down>  4+4i the key of up's line about down
--       (adj:<up>, or its part when up's lines are split)  5+4i the key of down's line about up
-- ARGV: 1 split size of a string holding its lines  2 split size of a part, then for edge i: 3+5i up id  4+5i down
--       id  5+5i encoded edge  6+5i up's part count as the caller read it  7+5i down's
-- Returns { how many edges were new or changed, then the ids of the people whose lines key is now longer than its
-- split size (the caller splits them) }. Every person and part count is checked before the first write: a batch
-- naming an unknown person is refused whole and leaves nothing behind, as is one whose part counts changed
-- (HANDOFF_PARTS_CHANGED: the caller re-reads them). Each key is read once and written once; lines new to a key are
-- collected and appended to it at the end (the key is set again only when one of its lines was replaced), so a long
-- key is not copied per edge.
--
-- Redis's Lua hashes every byte of every string it makes (to intern it) and collects each one later, so this script
-- makes as few strings as it can: per person their adjacency string and summary, per edge the two searched prefixes
-- and the two lines, per key its new text, per pair of teams its field name. (Making more, as the shared helpers do
-- per call, cost about 40 µs of server CPU per edge instead of about 15.)
local stringSplit, partSplit = tonumber(ARGV[1]), tonumber(ARGV[2])
local n = (#ARGV - 2) / 5
local people = {}
local held = {}
local order = {}

local function person(key, id, parts)
  local state = people[key]
  if state == nil then
    local adj = redis.call('GET', key)
    if not adj then return nil, 'HANDOFF_UNKNOWN_PERSON ' .. id end
    local name, team, zone = string.match(adj, '^([^\t\n]*)\t[^\t\n]*\t([^\t\n]*)\t([^\t\n]*)')
    local summary
    if name then
      summary = name .. '\t\t' .. team .. '\t' .. zone
    else
      local card = cardOf(adj)
      summary, team = summaryOf(card), teamOfCard(card)
    end
    state = { adj = adj, summary = summary, team = team, parts = partsOf(adj), id = id }
    people[key] = state
  end
  if state.parts ~= tonumber(parts) then
    return nil, 'HANDOFF_PARTS_CHANGED ' .. id
  end
  return state
end

-- Every person and part count first, before any write.
for i = 0, n - 1 do
  local a = 3 + 5 * i
  local up, refusal = person(KEYS[2 + 4 * i], ARGV[a], ARGV[a + 3])
  if not up then return redis.error_reply(refusal) end
  local down, refused = person(KEYS[3 + 4 * i], ARGV[a + 1], ARGV[a + 4])
  if not down then return redis.error_reply(refused) end
end

-- The lines of a key as they will be written: text[1] is what the key held (with any of its lines replaced), the
-- lines new to it follow; at[prefix] is the index in text of the new line starting with prefix.
local function lines(key, owner)
  local state = held[key]
  if state == nil then
    local text
    if owner.parts == 0 then text = owner.adj else text = redis.call('GET', key) or '' end
    state = { text = { text }, at = {}, changed = false, owner = owner }
    held[key] = state
    order[#order + 1] = key
  end
  return state
end

-- The encoded edge of the line starting with prefix ("\n" .. direction .. other id .. "\t"), or nil; and whether
-- the line is in what the key held.
local function currentEdge(state, prefix)
  local at = state.at[prefix]
  if at then
    local line = state.text[at]
    return string.sub(line, #prefix + 1, string.find(line, '\t', #prefix + 1, true) - 1)
  end
  local kept = state.text[1]
  local start = string.find(kept, prefix, 1, true)
  if not start then return nil end
  local edgeStart = start + #prefix
  return string.sub(kept, edgeStart, string.find(kept, '\t', edgeStart, true) - 1), true
end

local function put(state, prefix, encoded, otherSummary, present)
  local line = prefix .. encoded .. '\t' .. otherSummary
  local at = state.at[prefix]
  if at then
    state.text[at] = line
  elseif present then
    local kept = state.text[1]
    local start = string.find(kept, prefix, 1, true)
    local stop = string.find(kept, '\n', start + 1, true)
    state.text[1] = string.sub(kept, 1, start - 1) .. line .. (stop and string.sub(kept, stop) or '')
    state.rewritten = true
  else
    local text = state.text
    text[#text + 1] = line
    state.at[prefix] = #text
  end
  state.changed = true
end

-- Net change per pair of teams: deltas[upTeam][downTeam] = { seven deltas, then the pair's field name }.
local CRITICALITY_BY_BYTE = { [string.byte('R')] = 2, [string.byte('I')] = 3, [string.byte('C')] = 4 }
local STATUS_BY_BYTE = { [string.byte('F')] = 5, [string.byte('X')] = 6 }
local deltas, pairOrder = {}, {}
local function count(upTeam, downTeam, encoded, delta)
  if upTeam == '' or downTeam == '' or not encoded or encoded == '' then return end
  local criticality = CRITICALITY_BY_BYTE[string.byte(encoded, 2)]
  local row = deltas[upTeam]
  if row == nil then
    row = {}
    deltas[upTeam] = row
  end
  local d = row[downTeam]
  if d == nil then
    d = { 0, 0, 0, 0, 0, 0, 0, upTeam .. '>' .. downTeam }
    row[downTeam] = d
    pairOrder[#pairOrder + 1] = d
  end
  d[1] = d[1] + delta
  -- as counterSlots: an unknown criticality stops the slots there
  if criticality then
    d[criticality] = d[criticality] + delta
    local status = STATUS_BY_BYTE[string.byte(encoded, 5)] or PENDING_SLOT
    d[status] = d[status] + delta
  end
end

local written = 0
for i = 0, n - 1 do
  local a = 3 + 5 * i
  local up, down = people[KEYS[2 + 4 * i]], people[KEYS[3 + 4 * i]]
  local upId, downId, encoded = ARGV[a], ARGV[a + 1], ARGV[a + 2]
  local upLines, downLines = lines(KEYS[4 + 4 * i], up), lines(KEYS[5 + 4 * i], down)
  local outPrefix = '\n>' .. downId .. '\t'
  local current, upPresent = currentEdge(upLines, outPrefix)
  if current ~= encoded then
    local inPrefix = '\n<' .. upId .. '\t'
    local _, downPresent = currentEdge(downLines, inPrefix)
    put(upLines, outPrefix, encoded, down.summary, upPresent)
    put(downLines, inPrefix, encoded, up.summary, downPresent)
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
    local text = state.text
    local length
    if state.rewritten then
      text = #text == 1 and text[1] or table.concat(text)
      redis.call('SET', key, text)
      length = #text
    else
      -- Only new lines: appended, so the key's text is not made again as a Lua string (hashed byte by byte).
      length = redis.call('APPEND', key, table.concat(text, '', 2))
    end
    local split = state.owner.parts == 0 and stringSplit or partSplit
    if length > split and not flagged[state.owner.id] then
      flagged[state.owner.id] = true
      result[#result + 1] = state.owner.id
    end
  end
end
for _, d in ipairs(pairOrder) do
  if d[1] ~= 0 or d[2] ~= 0 or d[3] ~= 0 or d[4] ~= 0 or d[5] ~= 0 or d[6] ~= 0 or d[7] ~= 0 then
    addToPair(KEYS[1], d[8], d)
  end
end
return result
