-- Compare-and-set of one handoff edge: its line in both people's lines (their adjacency string, or the part holding
-- it when their lines are split), with the team counters.
-- KEYS: 1 adj:<up>  2 adj:<down>  3 teamedges  4 the key of up's line about down (adj:<up> or one of its parts)
--       5 the key of down's line about up
-- ARGV: 1 up id  2 down id  3 expected current encoding ('' = no edge)  4 new encoding ('' = remove the edge)
--       5 up's part count as the caller read it  6 down's  7 split size of a string holding its lines
--       8 split size of a part (when absent, the string's)
-- Returns 0 when the current edge is not the expected one (caller re-reads), -1 when a part count is not the one
-- the caller read (caller re-reads the counts), else 1 + 2 if up's lines key is now longer than its split size
-- + 4 if down's is (the caller then splits them).
--
-- A line is changed where it lies: a line of the same length is overwritten with SETRANGE and a new line appended to
-- a part with APPEND, so the lines key is not rebuilt; a line whose length changes or that goes, or a new line in a
-- person's string, rewrites the key. (APPEND leaves room to grow, up to the length again: that is kept to the few
-- busy people's parts, and an ordinary person's string is set to its exact length.)
-- (Redis hashes every byte of each string a script makes, so building a copy of a long part costs more than the
-- copying itself.)
local up = redis.call('GET', KEYS[1])
if not up then
  return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. ARGV[1])
end
local down = redis.call('GET', KEYS[2])
if not down then
  return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. ARGV[2])
end
local upParts, downParts = partsOf(up), partsOf(down)
if upParts ~= tonumber(ARGV[5]) or downParts ~= tonumber(ARGV[6]) then
  return -1
end
local upLines = upParts == 0 and up or (redis.call('GET', KEYS[4]) or '')
local upStart, upStop = findEntry(upLines, '>', ARGV[2])
local current = upStart and edgeAt(upLines, upStart, ARGV[2]) or ''
if current ~= ARGV[3] then
  return 0
end
if current == ARGV[4] then
  return 1
end
local downLines = downParts == 0 and down or (redis.call('GET', KEYS[5]) or '')
local downStart, downStop = findEntry(downLines, '<', ARGV[1])

-- Writes the line (nil = none) in place of the one at [start, stop] of lines (stored at key, a part when isPart;
-- nil start = no such line) and returns the new length of the key's value.
local function putLine(key, isPart, lines, start, stop, line)
  if not start then
    if not line then return #lines end
    if isPart then return redis.call('APPEND', key, line) end
    local grown = lines .. line
    redis.call('SET', key, grown)
    return #grown
  end
  if line and #line == stop - start + 1 then
    return redis.call('SETRANGE', key, start - 1, line)
  end
  local changed = string.sub(lines, 1, start - 1) .. (line or '') .. string.sub(lines, stop + 1)
  redis.call('SET', key, changed)
  return #changed
end

local upCard, downCard = cardOf(up), cardOf(down)
local upLine, downLine
if ARGV[4] ~= '' then
  upLine = '\n>' .. ARGV[2] .. '\t' .. ARGV[4] .. '\t' .. summaryOf(downCard)
  downLine = '\n<' .. ARGV[1] .. '\t' .. ARGV[4] .. '\t' .. summaryOf(upCard)
end
local upLength = putLine(KEYS[4], upParts > 0, upLines, upStart, upStop, upLine)
local downLength = putLine(KEYS[5], downParts > 0, downLines, downStart, downStop, downLine)
local upTeam, downTeam = teamOfCard(upCard), teamOfCard(downCard)
bump(KEYS[3], upTeam, downTeam, current, -1)
bump(KEYS[3], upTeam, downTeam, ARGV[4], 1)
local stringSplit = tonumber(ARGV[7])
local partSplit = tonumber(ARGV[8] or ARGV[7])
local upSplit = upParts == 0 and stringSplit or partSplit
local downSplit = downParts == 0 and stringSplit or partSplit
return 1 + (upLength > upSplit and 2 or 0) + (downLength > downSplit and 4 or 0)
