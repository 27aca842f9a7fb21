-- Reserves one of a person's weekly nudges for a message, unless the last 7 days already hold the cap.
-- KEYS: 1 nudges-sent:<person> zset (message key scored by send time, epoch ms)
-- ARGV: 1 now (ms)  2 window start (ms, now - 7 days)  3 cap  4 message key  5 key lifetime (ms)
-- Returns -1 when reserved (or already reserved for this message), else the time (ms) of the oldest nudge in the
-- window: a slot frees up 7 days after it.
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[2])
if redis.call('ZSCORE', KEYS[1], ARGV[4]) then return -1 end
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return -1
end
return tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2])
