-- Puts a dead job back in the queue, due now, with its failures and rate-limited answers forgotten.
-- KEYS: 1 job:<id> hash  2 jobs:due  3 jobs:dead
-- ARGV: 1 id  2 now (ms)
-- Returns 1 when replayed, 0 when the job is not dead.
if redis.call('HGET', KEYS[1], 'state') ~= 'dead' then return 0 end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('HSET', KEYS[1], 'state', 'due', 'due', ARGV[2], 'failures', 0)
redis.call('HDEL', KEYS[1], 'rate-limited', 'rate-limited-since')
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1
