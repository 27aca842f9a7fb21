-- Ends a leased run: 'done' (kept as done for the retention, so the same id is not run again meanwhile;
-- its payload is dropped),
-- 'again' (due again at a new time, not a failure), 'retry' (a failure, due again), 'dead' (a failure, dead letter)
-- 'limited' (a platform's rate limit: due again at a new time, not a failure, but counted in 'rate-limited' since
-- 'rate-limited-since', so the handler can give up) or 'release' (handed back unstarted at shutdown: due again as before, the run not counted).
-- Only the holder of the current lease may finish it: a run whose lease expired and was taken over gets 0.
-- KEYS: 1 job:<id> hash  2 jobs:due  3 jobs:leased  4 jobs:dead
-- ARGV: 1 id  2 claim token  3 action  4 now (ms)  5 new due (ms) for again/limited/retry, or retention (ms) for done
--       6 note or error text
-- Returns 1 when finished, 0 when the caller no longer holds the lease.
local id, token, action, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if redis.call('HGET', KEYS[1], 'state') ~= 'leased' or redis.call('HGET', KEYS[1], 'owner') ~= token then
  return 0
end
redis.call('ZREM', KEYS[3], id)
redis.call('HDEL', KEYS[1], 'owner', 'lease')
if action == 'done' then
  redis.call('HSET', KEYS[1], 'state', 'done', 'finished', now, 'note', ARGV[6])
  redis.call('HDEL', KEYS[1], 'payload')
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
elseif action == 'again' then
  redis.call('HSET', KEYS[1], 'state', 'due', 'due', ARGV[5], 'note', ARGV[6])
  redis.call('ZADD', KEYS[2], ARGV[5], id)
elseif action == 'limited' then
  redis.call('HINCRBY', KEYS[1], 'rate-limited', 1)
  redis.call('HSETNX', KEYS[1], 'rate-limited-since', now)
  redis.call('HSET', KEYS[1], 'state', 'due', 'due', ARGV[5], 'note', ARGV[6])
  redis.call('ZADD', KEYS[2], ARGV[5], id)
elseif action == 'retry' then
  redis.call('HINCRBY', KEYS[1], 'failures', 1)
  redis.call('HSET', KEYS[1], 'state', 'due', 'due', ARGV[5], 'error', ARGV[6], 'failed', now)
  redis.call('ZADD', KEYS[2], ARGV[5], id)
elseif action == 'dead' then
  redis.call('HINCRBY', KEYS[1], 'failures', 1)
  redis.call('HSET', KEYS[1], 'state', 'dead', 'error', ARGV[6], 'failed', now)
  redis.call('ZADD', KEYS[4], now, id)
elseif action == 'release' then
  redis.call('HINCRBY', KEYS[1], 'runs', -1)
  redis.call('HSET', KEYS[1], 'state', 'due')
  redis.call('ZADD', KEYS[2], redis.call('HGET', KEYS[1], 'due'), id)
else
  return redis.error_reply('unknown action ' .. action)
end
return 1
