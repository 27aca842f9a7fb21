-- Marks a voice draft sent, exactly once, with whom it went to; it is kept from then on.
-- KEYS[1] voice:<id>  ARGV[1] now (epoch seconds)  ARGV[2] recipients (comma-separated ids)
if redis.call('HGET', KEYS[1], 'status') ~= 'draft' then
  return 0
end
redis.call('HSET', KEYS[1], 'status', 'sent', 'sent', ARGV[1], 'to', ARGV[2])
redis.call('PERSIST', KEYS[1])
return 1
