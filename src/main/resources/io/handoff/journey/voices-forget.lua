-- Deletes every voice a person passed on and their set. KEYS[1] voices-of:<person>, KEYS[2..] voice:<id>
local removed = 0
for i = 2, #KEYS do
  removed = removed + redis.call('DEL', KEYS[i])
end
redis.call('DEL', KEYS[1])
return removed
