-- Creates or rewrites a voice draft; a voice already sent is never rewritten.
-- KEYS[1] voice:<id>  KEYS[2] voices-of:<sender>
-- ARGV[1] id  ARGV[2] ttl seconds of a draft  ARGV[3] sender  ARGV[4..] field, value, ...
local sender = redis.call('HGET', KEYS[1], 'sender')
if sender and sender ~= ARGV[3] then
  return -1
end
local status = redis.call('HGET', KEYS[1], 'status')
if status and status ~= 'draft' then
  return 0
end
for i = 4, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('HSET', KEYS[1], 'sender', ARGV[3], 'status', 'draft')
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
