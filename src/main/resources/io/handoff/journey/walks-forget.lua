-- Forgets a person's walks: their invitations, the walks they accepted, and their name as the host of others' walks
-- (the walk stays counted for its touchpoint, its host unknown).
-- KEYS[1] walks  KEYS[2] walk-invited:<person>  ARGV[1] person id
local person = ARGV[1]
local removed = 0
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  local field, value = all[i], all[i + 1]
  local parts = {}
  for part in string.gmatch(field, '[^|]+') do parts[#parts + 1] = part end
  if parts[3] == person then
    redis.call('HDEL', KEYS[1], field)
    removed = removed + 1
  else
    local mode, host, rest = string.match(value, '^([^\31]*)\31([^\31]*)\31(.*)$')
    if host == person then
      redis.call('HSET', KEYS[1], field, mode .. '\31-\31' .. rest)
    end
  end
end
redis.call('DEL', KEYS[2])
return removed
