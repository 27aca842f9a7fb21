-- Shared by the graph scripts: keeps the team-to-team counters in KEYS[teamEdgesKey] in step with person edges.
-- Fields are "upTeam>downTeam>k"; k is n (all), r/i/c (criticality), f (confirmed), x (disputed), h (pending).
-- An encoded edge has its criticality code at position 2 and its status code at position 5 (see EdgeCodec).
local function bump(teamEdgesKey, upTeam, downTeam, encoded, delta)
  if not upTeam or upTeam == '' or not downTeam or downTeam == '' or not encoded or encoded == '' then
    return
  end
  local prefix = upTeam .. '>' .. downTeam .. '>'
  local function add(kind)
    local value = redis.call('HINCRBY', teamEdgesKey, prefix .. kind, delta)
    if value <= 0 then
      redis.call('HDEL', teamEdgesKey, prefix .. kind)
    end
  end
  add('n')
  add(string.lower(string.sub(encoded, 2, 2)))
  local status = string.sub(encoded, 5, 5)
  if status == 'F' then add('f') elseif status == 'X' then add('x') else add('h') end
end

local function teamOf(personKey)
  local team = redis.call('HGET', personKey, 'team')
  if not team then return '' end
  return team
end

-- Checks that the hash at key has exactly the given fields (ids passed in ARGV from first to last).
local function sameFields(key, first, last)
  if redis.call('HLEN', key) ~= last - first + 1 then return false end
  for i = first, last do
    if redis.call('HEXISTS', key, ARGV[i]) == 0 then return false end
  end
  return true
end

