-- Compare-and-set of one handoff edge and its mirror, with the team counters.
-- KEYS: 1 out:<up>  2 in:<down>  3 person:<up>  4 person:<down>  5 teamedges
-- ARGV: 1 up id  2 down id  3 expected current encoding ('' = no edge)  4 new encoding ('' = remove the edge)
-- Returns 1 when written (or already equal), 0 when the current edge is not the expected one (caller re-reads).
if redis.call('EXISTS', KEYS[3]) == 0 then
  return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. ARGV[1])
end
if redis.call('EXISTS', KEYS[4]) == 0 then
  return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. ARGV[2])
end
local current = redis.call('HGET', KEYS[1], ARGV[2]) or ''
if current ~= ARGV[3] then
  return 0
end
if current == ARGV[4] then
  return 1
end
if ARGV[4] == '' then
  redis.call('HDEL', KEYS[1], ARGV[2])
  redis.call('HDEL', KEYS[2], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[2], ARGV[4])
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
end
local upTeam = teamOf(KEYS[3])
local downTeam = teamOf(KEYS[4])
bump(KEYS[5], upTeam, downTeam, current, -1)
bump(KEYS[5], upTeam, downTeam, ARGV[4], 1)
return 1
