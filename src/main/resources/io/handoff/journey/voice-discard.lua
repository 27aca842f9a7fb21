-- Deletes a voice draft (never a sent voice). KEYS[1] voice:<id>  KEYS[2] voices-of:<sender>  ARGV[1] id
if redis.call('HGET', KEYS[1], 'status') ~= 'draft' then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return 1
