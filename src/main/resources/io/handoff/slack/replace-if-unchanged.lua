-- Compare-and-set of one string key: KEYS[1] becomes ARGV[2] only while it still holds ARGV[1], keeping its TTL.
-- The startup migration seals plaintext installations with it, so a save that raced it is never overwritten.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
  return 1
end
return 0
