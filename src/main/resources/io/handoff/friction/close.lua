-- Closes a period once: stores the aggregates that may be shown and the closing time, unless already closed.
-- KEYS[1] friction:shown:<period>  ARGV[1] closing time  ARGV[2] ttl seconds  ARGV[3..] field, value, field, value...
if redis.call('HEXISTS', KEYS[1], '@closed') == 1 then
  return 0
end
redis.call('HSET', KEYS[1], '@closed', ARGV[1])
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
