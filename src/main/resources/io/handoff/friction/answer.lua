-- Stores one friction answer unless its period has closed; re-answering in the same period replaces the answer.
-- KEYS[1] friction:answers:<period>  KEYS[2] friction:mine:<person>  KEYS[3] friction:shown:<period>
-- ARGV[1] field <up>><down>  ARGV[2] encoded answer  ARGV[3] member of the person's index  ARGV[4] ttl seconds
if redis.call('HEXISTS', KEYS[3], '@closed') == 1 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return 1
