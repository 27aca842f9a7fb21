-- Deletes every story a person told. KEYS[1] stories:teller:<person>; then for each story i: KEYS[2i] story:<id>,
-- KEYS[2i+1] stories:received:<up>.  ARGV[i] the story id.
local removed = 0
for i = 1, #ARGV do
  removed = removed + redis.call('DEL', KEYS[2 * i])
  redis.call('SREM', KEYS[2 * i + 1], ARGV[i])
  redis.call('SREM', KEYS[1], ARGV[i])
end
return removed
