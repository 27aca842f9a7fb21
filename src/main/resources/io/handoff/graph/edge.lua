-- Compare-and-set of one handoff edge: its line in both people's adjacency strings, with the team counters.
-- KEYS: 1 adj:<up>  2 adj:<down>  3 teamedges
-- ARGV: 1 up id  2 down id  3 expected current encoding ('' = no edge)  4 new encoding ('' = remove the edge)
-- Returns 1 when written (or already equal), 0 when the current edge is not the expected one (caller re-reads).
local up = redis.call('GET', KEYS[1])
if not up then
  return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. ARGV[1])
end
local down = redis.call('GET', KEYS[2])
if not down then
  return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. ARGV[2])
end
local current = entryEdge(up, '>', ARGV[2]) or ''
if current ~= ARGV[3] then
  return 0
end
if current == ARGV[4] then
  return 1
end
local upCard, downCard = cardOf(up), cardOf(down)
local upSummary, downSummary = summaryOf(upCard), summaryOf(downCard)
if ARGV[4] == '' then
  redis.call('SET', KEYS[1], withoutEntry(up, '>', ARGV[2]))
  redis.call('SET', KEYS[2], withoutEntry(down, '<', ARGV[1]))
else
  redis.call('SET', KEYS[1], withEntry(up, '>', ARGV[2], ARGV[4], downSummary))
  redis.call('SET', KEYS[2], withEntry(down, '<', ARGV[1], ARGV[4], upSummary))
end
local upTeam, downTeam = teamOfCard(upCard), teamOfCard(downCard)
bump(KEYS[3], upTeam, downTeam, current, -1)
bump(KEYS[3], upTeam, downTeam, ARGV[4], 1)
return 1
