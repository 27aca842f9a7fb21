-- Creates or rewrites a draft story; a story already sent is never rewritten.
-- KEYS[1] story:<id>  KEYS[2] stories:teller:<person>
-- ARGV[1] id  ARGV[2] ttl seconds of a draft  ARGV[3..] field, value, ...
local status = redis.call('HGET', KEYS[1], 'status')
if status and status ~= 'draft' then
  return 0
end
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('HSET', KEYS[1], 'status', 'draft')
redis.call('HINCRBY', KEYS[1], 'v', 1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
