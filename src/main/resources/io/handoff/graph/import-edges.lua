-- Stores a batch of handoffs as given (an import or a restore), replacing any edge between the same two people, and
-- moves the team counters by the batch's net change, one write per pair of teams.
-- KEYS: 1 teamedges, then per person the batch names (in the order ARGV names them): adj:<id>, followed by its parts
--       adj-part:<id>:0 .. n-1 when the caller read that the person's lines are split into n parts
-- ARGV: 1 split size of a string holding its lines  2 split size of a part  3 m, how many people the batch names
--       4 the edges' ends: per edge four characters, the up person's number then the down person's, each two digits
--       of base 64 written from '0' (byte 48), numbering the people from 0 in ARGV's order; then per person j
--       (1-based): 3+2j their id  4+2j 2 * their part count as the caller read it, plus 1 when this is the last batch
--       of the import naming them (their keys are then set whole, leaving no room that APPEND would keep); then per
--       edge i (0-based) 5+2m+i its encoded edge
-- Returns { how many edges were new or changed, then the ids of the people whose lines key is now longer than its
-- split size (the caller splits them) }. Every person and part count is checked before the first write: a batch
-- naming an unknown person is refused whole and leaves nothing behind, as is one whose part counts changed
-- (HANDOFF_PARTS_CHANGED: the caller re-reads them). Each key is read at most once and written once; lines new to a
-- key are collected and appended to it at the end (the key is set again only when one of its lines was replaced, or
-- when the batch is the import's last to name its unsplit owner), so a long key is not copied per edge. A busy
-- person's part is read only when the edge is looked for there (both ends split) or is there to be replaced.
--
-- Redis's Lua hashes every byte of every string it makes (to intern it) and collects each one later, so this script
-- makes as few strings as it can: per person their id, adjacency string, summary and the two prefixes other people's
-- lines about them start with; per edge its encoded edge (the ends are numbers read from one string); per key its
-- new text, built by table.concat from the pieces of its lines; per pair of teams its field name.
local find, sub, byte, concat = string.find, string.sub, string.byte, table.concat
local stringSplit, partSplit = tonumber(ARGV[1]), tonumber(ARGV[2])
local m = tonumber(ARGV[3]) or 0
local ends = ARGV[4] or ''
local n = #ends / 4
local people = {}
local held = {}
local order = {}

-- Every person and part count first, before any write.
local keyAt = 2
for j = 1, m do
  local id, code = ARGV[3 + 2 * j], tonumber(ARGV[4 + 2 * j])
  local parts = math.floor(code / 2)
  local adj = redis.call('GET', KEYS[keyAt])
  if not adj then return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. id) end
  local name, team, zone = string.match(adj, '^([^\t\n]*)\t[^\t\n]*\t([^\t\n]*)\t([^\t\n]*)')
  local summary
  if name then
    summary = name .. '\t\t' .. team .. '\t' .. zone
  else
    local card = cardOf(adj)
    summary, team = summaryOf(card), teamOfCard(card)
  end
  if partsOf(adj) ~= parts then return redis.error_reply('HANDOFF_PARTS_CHANGED ' .. id) end
  people[j] = { id = id, adj = adj, summary = summary, team = team, parts = parts, last = code % 2 == 1,
    key = keyAt }
  keyAt = keyAt + 1 + parts
end

-- The lines of a key as they will be written: kept is what the key held (with any of its lines replaced), read
-- when first needed (a part is read only to look for or replace a line in it); the lines new to it are in text, four
-- pieces each (prefix, encoded edge, tab, the other's summary); at[prefix] is the index in text of the prefix of the
-- new line starting with it.
local function lines(owner, other)
  local key
  if owner.parts == 0 then
    key = KEYS[owner.key]
  else
    key = KEYS[owner.key + 1 + partIndex(other.id, owner.parts)]
  end
  local state = held[key]
  if state == nil then
    state = { text = {}, size = 0, at = {}, changed = false, owner = owner, key = key }
    if owner.parts == 0 then state.kept = owner.adj end
    held[key] = state
    order[#order + 1] = state
  end
  return state
end

local function kept(state)
  local text = state.kept
  if not text then
    text = redis.call('GET', state.key) or ''
    state.kept = text
  end
  return text
end

-- The encoded edge of the line starting with prefix ("\n" .. direction .. other id .. "\t"), or nil; and whether
-- the line is in what the key held.
local function currentEdge(state, prefix)
  local at = state.at[prefix]
  if at then
    return state.text[at + 1]
  end
  local text = kept(state)
  local start = find(text, prefix, 1, true)
  if not start then return nil end
  local edgeStart = start + #prefix
  return sub(text, edgeStart, find(text, '\t', edgeStart, true) - 1), true
end

local function put(state, prefix, encoded, otherSummary, present)
  local at = state.at[prefix]
  if at then
    state.text[at + 1] = encoded
  elseif present then
    local text = kept(state)
    local start = find(text, prefix, 1, true)
    local stop = find(text, '\n', start + 1, true)
    state.kept = sub(text, 1, start - 1) .. prefix .. encoded .. '\t' .. otherSummary
      .. (stop and sub(text, stop) or '')
    state.rewritten = true
  else
    local text, size = state.text, state.size
    text[size + 1] = prefix
    text[size + 2] = encoded
    text[size + 3] = '\t'
    text[size + 4] = otherSummary
    state.at[prefix] = size + 1
    state.size = size + 4
  end
  state.changed = true
end

-- Net change per pair of teams: deltas[upTeam][downTeam] = { seven deltas, then the pair's field name }.
local CRITICALITY_BY_BYTE = { [string.byte('R')] = 2, [string.byte('I')] = 3, [string.byte('C')] = 4 }
local STATUS_BY_BYTE = { [string.byte('F')] = 5, [string.byte('X')] = 6 }
local deltas, pairOrder = {}, {}
local function count(upTeam, downTeam, encoded, delta)
  if upTeam == '' or downTeam == '' or not encoded or encoded == '' then return end
  local criticality = CRITICALITY_BY_BYTE[byte(encoded, 2)]
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
    local status = STATUS_BY_BYTE[byte(encoded, 5)] or PENDING_SLOT
    d[status] = d[status] + delta
  end
end

local written = 0
for i = 0, n - 1 do
  local u1, u2, d1, d2 = byte(ends, 4 * i + 1, 4 * i + 4)
  local up, down = people[(u1 - 48) * 64 + u2 - 47], people[(d1 - 48) * 64 + d2 - 47]
  local encoded = ARGV[5 + 2 * m + i]
  local upLines, downLines = lines(up, down), lines(down, up)
  -- up's line about down starts "\n>" .. down's id .. "\t"; down's about up "\n<" .. up's id .. "\t"
  local outPrefix = down.outPrefix
  if not outPrefix then
    outPrefix = '\n>' .. down.id .. '\t'
    down.outPrefix = outPrefix
  end
  local inPrefix = up.inPrefix
  if not inPrefix then
    inPrefix = '\n<' .. up.id .. '\t'
    up.inPrefix = inPrefix
  end
  -- Every edge is in both ends' lines or in neither (every write keeps the two copies together), so it is looked
  -- for on one side: an unsplit person's (their string is read already), a split person's part only when both ends
  -- are split. The other side is read only when the edge is there to be replaced.
  local current, present
  if up.parts == 0 or down.parts ~= 0 then
    current, present = currentEdge(upLines, outPrefix)
  else
    current, present = currentEdge(downLines, inPrefix)
  end
  if current ~= encoded then
    put(upLines, outPrefix, encoded, down.summary, present)
    put(downLines, inPrefix, encoded, up.summary, present)
    count(up.team, down.team, current, -1)
    count(up.team, down.team, encoded, 1)
    written = written + 1
  end
end
local result = { written }
local flagged = {}
for _, state in ipairs(order) do
  local length
  if state.rewritten or (state.owner.last and state.owner.parts == 0) then
    -- Set whole: a replaced line, or the import's last word on an unsplit person's string (no room left to grow,
    -- nothing to compact; a split person's parts are compacted after the import).
    local text = state.size == 0 and state.kept or state.kept .. concat(state.text)
    redis.call('SET', state.key, text)
    length = #text
  elseif state.changed then
    -- Only new lines: appended, so the key's text is not made again as a Lua string (hashed byte by byte).
    length = redis.call('APPEND', state.key, concat(state.text))
  end
  if state.changed then
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
