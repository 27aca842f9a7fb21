-- Compare-and-set of one handoff edge: its line in both people's lines (their adjacency string, or the part holding
-- it when their lines are split), with the team counters.
-- KEYS: 1 adj:<up>  2 adj:<down>  3 teamedges  4 the key of up's line about down (adj:<up> or one of its parts)
--       5 the key of down's line about up
-- ARGV: 1 up id  2 down id  3 expected current encoding ('' = no edge)  4 new encoding ('' = remove the edge)
--       5 up's part count as the caller read it  6 down's  7 split size
-- Returns 0 when the current edge is not the expected one (caller re-reads), -1 when a part count is not the one
-- the caller read (caller re-reads the counts), else 1 + 2 if up's lines key is now longer than the split size
-- + 4 if down's is (the caller then splits them).
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
local downLines = downParts == 0 and down or (redis.call('GET', KEYS[5]) or '')
local current = entryEdge(upLines, '>', ARGV[2]) or ''
if current ~= ARGV[3] then
  return 0
end
if current == ARGV[4] then
  return 1
end
local upCard, downCard = cardOf(up), cardOf(down)
if ARGV[4] == '' then
  upLines = withoutEntry(upLines, '>', ARGV[2])
  downLines = withoutEntry(downLines, '<', ARGV[1])
else
  upLines = withEntry(upLines, '>', ARGV[2], ARGV[4], summaryOf(downCard))
  downLines = withEntry(downLines, '<', ARGV[1], ARGV[4], summaryOf(upCard))
end
redis.call('SET', KEYS[4], upLines)
redis.call('SET', KEYS[5], downLines)
local upTeam, downTeam = teamOfCard(upCard), teamOfCard(downCard)
bump(KEYS[3], upTeam, downTeam, current, -1)
bump(KEYS[3], upTeam, downTeam, ARGV[4], 1)
local split = tonumber(ARGV[7])
return 1 + (#upLines > split and 2 or 0) + (#downLines > split and 4 or 0)
