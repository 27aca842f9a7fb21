-- Stores a voice or a walk as a sent story, unless its id is taken (a retried relay writes nothing twice). It is not
-- counted in stories:told: it is not a day-in-the-life story about the handoff.
-- KEYS[1] story:<id>  KEYS[2] stories:teller:<teller>  KEYS[3] stories:received:<up>
-- ARGV[1] id  ARGV[2..] field, value, ...
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
for i = 2, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
