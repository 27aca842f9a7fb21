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
-- makes as few strings as it can: per person their id, adjacency string, team, summary (cut from the card in one piece
-- when the email is empty) and the two prefixes other people's lines about them start with; per edge its encoded edge
-- (the ends are numbers read from one string); per key its new text, built by one table.concat from the pieces of its
-- lines (what it held included when it is set whole); per pair of teams its field name. It makes few tables too (each
-- is allocated, looked into by name and collected): the people's fields and the keys' states are arrays indexed by
-- the person's number and by the key's index in KEYS, and a new line is found again by a number made of the key's
-- index, the other person's number and the direction.
local find, sub, byte, match, concat = string.find, string.sub, string.byte, string.match, table.concat
local stringSplit, partSplit = tonumber(ARGV[1]), tonumber(ARGV[2])
local m = tonumber(ARGV[3]) or 0
local ends = ARGV[4] or ''
local n = #ends / 4

-- Per person j (1-based, ARGV's order), in arrays rather than a table each.
local ids, summaries, teams, partCounts, last, keyOf = {}, {}, {}, {}, {}, {}
-- Per key, by its index in KEYS (a "slot"): its owner, what it holds (read when first needed; an unsplit person's
-- string is read here), the pieces of its new lines, their count, whether it changed, whether a line was replaced.
local ownerOf, kept, texts, sizes, changed, rewritten = {}, {}, {}, {}, {}, {}
local touched = {}

-- Every person and part count first, before any write.
local keyAt = 2
for j = 1, m do
  local id, code = ARGV[3 + 2 * j], tonumber(ARGV[4 + 2 * j])
  local parts = math.floor(code / 2)
  local adj = redis.call('GET', KEYS[keyAt])
  if not adj then return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. id) end
  -- positions, not captures: only the team and the summary are made as strings
  local nameEnd, emailEnd, team, zoneEnd = match(adj, '^[^\t\n]*()\t[^\t\n]*()\t([^\t\n]*)\t[^\t\n]*()')
  local summary
  if not nameEnd then
    local card = cardOf(adj)
    summary, team = summaryOf(card), teamOfCard(card)
  elseif emailEnd == nameEnd + 1 then
    summary = sub(adj, 1, zoneEnd - 1)
  else
    summary = sub(adj, 1, nameEnd) .. sub(adj, emailEnd, zoneEnd - 1)
  end
  if partsOf(adj) ~= parts then return redis.error_reply('HANDOFF_PARTS_CHANGED ' .. id) end
  ids[j], summaries[j], teams[j], partCounts[j], last[j], keyOf[j] = id, summary, team, parts, code % 2 == 1, keyAt
  ownerOf[keyAt] = j
  if parts == 0 then
    kept[keyAt] = adj
  else
    for k = 1, parts do ownerOf[keyAt + k] = j end
  end
  keyAt = keyAt + 1 + parts
end

-- The slot holding owner's line about other (both person numbers).
local hashes = {}
local function slotOf(owner, other)
  local parts = partCounts[owner]
  if parts == 0 then return keyOf[owner] end
  local h = hashes[other]
  if not h then
    h = idHash(ids[other])
    hashes[other] = h
  end
  return keyOf[owner] + 1 + h % parts
end

local function read(s)
  local text = kept[s]
  if not text then
    text = redis.call('GET', KEYS[s]) or ''
    kept[s] = text
  end
  return text
end

-- at[lineKey] is the index in texts[s] of the encoded edge of a new line; lineKey = (s * 4096 + other) * 2 + 0 for
-- the owner's line about the person they hand work to, + 1 for the one about who hands work to them.
local at = {}

-- The encoded edge of the line in slot s starting with prefix, or nil; and whether the line is in what s held.
local function currentEdge(s, lineKey, prefix)
  local position = at[lineKey]
  if position then return texts[s][position] end
  local text = kept[s] or read(s)
  local start = find(text, prefix, 1, true)
  if not start then return nil end
  local edgeStart = start + #prefix
  return sub(text, edgeStart, find(text, '\t', edgeStart, true) - 1), true
end

local function put(s, lineKey, prefix, encoded, otherSummary, present)
  local position = at[lineKey]
  if position then
    texts[s][position] = encoded
  elseif present then
    local text = kept[s] or read(s)
    local start = find(text, prefix, 1, true)
    local stop = find(text, '\n', start + 1, true)
    kept[s] = sub(text, 1, start - 1) .. prefix .. encoded .. '\t' .. otherSummary .. (stop and sub(text, stop) or '')
    rewritten[s] = true
  else
    local text, size = texts[s], sizes[s]
    if not text then
      text, size = {}, 0
      texts[s] = text
    end
    text[size + 1] = prefix
    text[size + 2] = encoded
    text[size + 3] = '\t'
    text[size + 4] = otherSummary
    at[lineKey] = size + 2
    sizes[s] = size + 4
  end
  if not changed[s] then
    changed[s] = true
    touched[#touched + 1] = s
  end
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

local outPrefixes, inPrefixes = {}, {}
local written = 0
local edgeArg = 5 + 2 * m
for i = 0, n - 1 do
  local u1, u2, d1, d2 = byte(ends, 4 * i + 1, 4 * i + 4)
  local up, down = (u1 - 48) * 64 + u2 - 47, (d1 - 48) * 64 + d2 - 47
  local encoded = ARGV[edgeArg + i]
  local upSlot, downSlot = slotOf(up, down), slotOf(down, up)
  local outKey, inKey = (upSlot * 4096 + down) * 2, (downSlot * 4096 + up) * 2 + 1
  -- up's line about down starts "\n>" .. down's id .. "\t"; down's about up "\n<" .. up's id .. "\t"
  local outPrefix = outPrefixes[down]
  if not outPrefix then
    outPrefix = '\n>' .. ids[down] .. '\t'
    outPrefixes[down] = outPrefix
  end
  local inPrefix = inPrefixes[up]
  if not inPrefix then
    inPrefix = '\n<' .. ids[up] .. '\t'
    inPrefixes[up] = inPrefix
  end
  local current, present
  if partCounts[up] == 0 or partCounts[down] ~= 0 then
    current, present = currentEdge(upSlot, outKey, outPrefix)
  else
    current, present = currentEdge(downSlot, inKey, inPrefix)
  end
  if current ~= encoded then
    put(upSlot, outKey, outPrefix, encoded, summaries[down], present)
    put(downSlot, inKey, inPrefix, encoded, summaries[up], present)
    local upTeam, downTeam = teams[up], teams[down]
    count(upTeam, downTeam, current, -1)
    count(upTeam, downTeam, encoded, 1)
    written = written + 1
  end
end

local result = { written }
local flagged = {}
local function write(s, whole)
  local text, size = texts[s], sizes[s]
  local length
  if whole then
    local value = kept[s]
    if size then
      text[0] = value
      value = concat(text, '', 0, size)
    end
    redis.call('SET', KEYS[s], value)
    length = #value
  elseif changed[s] then
    length = redis.call('APPEND', KEYS[s], concat(text, '', 1, size))
  end
  if changed[s] then
    local owner = ownerOf[s]
    if length > (partCounts[owner] == 0 and stringSplit or partSplit) and not flagged[owner] then
      flagged[owner] = true
      result[#result + 1] = ids[owner]
    end
  end
end
for j = 1, m do
  local s = keyOf[j]
  if partCounts[j] == 0 then
    write(s, rewritten[s] or last[j])
  end
end
for _, s in ipairs(touched) do
  if partCounts[ownerOf[s]] ~= 0 then write(s, rewritten[s]) end
end
for _, d in ipairs(pairOrder) do
  if d[1] ~= 0 or d[2] ~= 0 or d[3] ~= 0 or d[4] ~= 0 or d[5] ~= 0 or d[6] ~= 0 or d[7] ~= 0 then
    addToPair(KEYS[1], d[8], d)
  end
end
return result
