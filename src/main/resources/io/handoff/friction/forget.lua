-- Deletes the answers a person gave, as listed in their index, and the index entries themselves.
-- KEYS[1] friction:mine:<person>  KEYS[2..] friction:answers:<period> (one per listed member, same order)
-- ARGV[i] the index member (<period>|<up>) whose answer lives in KEYS[i+1]  ARGV[#ARGV] the person
local removed = 0
local person = ARGV[#ARGV]
for i = 1, #ARGV - 1 do
  local member = ARGV[i]
  local up = string.sub(member, string.find(member, '|', 1, true) + 1)
  removed = removed + redis.call('HDEL', KEYS[i + 1], up .. '>' .. person)
  redis.call('SREM', KEYS[1], member)
end
return removed
