-- Marks a draft story sent, exactly once, and counts it for its handoff.
-- KEYS[1] story:<id>  KEYS[2] stories:told  KEYS[3] stories:received:<up>
-- ARGV[1] id  ARGV[2] now (epoch seconds)  ARGV[3] handoff field <up>><down>
if redis.call('HGET', KEYS[1], 'status') ~= 'draft' then
  return 0
end
redis.call('HSET', KEYS[1], 'status', 'sent', 'sent', ARGV[2])
redis.call('HINCRBY', KEYS[1], 'v', 1)
redis.call('PERSIST', KEYS[1])
redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
redis.call('SADD', KEYS[3], ARGV[1])
return 1
