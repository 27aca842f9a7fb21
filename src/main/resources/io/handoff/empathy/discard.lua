-- Deletes a draft story (a sent story cannot be discarded).
-- KEYS[1] story:<id>  KEYS[2] stories:teller:<person>  ARGV[1] id
if redis.call('HGET', KEYS[1], 'status') ~= 'draft' then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return 1
