-- Compare-and-set of some fields of a sent story: applies only if the story is still at the version read.
-- KEYS[1] story:<id>  ARGV[1] expected version  ARGV[2..] field, value, ... (an empty value deletes the field)
if redis.call('HGET', KEYS[1], 'v') ~= ARGV[1] then
  return 0
end
for i = 2, #ARGV, 2 do
  if ARGV[i + 1] == '' then
    redis.call('HDEL', KEYS[1], ARGV[i])
  else
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
redis.call('HINCRBY', KEYS[1], 'v', 1)
return 1
