-- Shared by the graph scripts: keeps the team-to-team counters in KEYS[teamEdgesKey] in step with person edges.
-- Fields are "upTeam>downTeam>k"; k is n (all), r/i/c (criticality), f (confirmed), x (disputed), h (pending).
-- An encoded edge has its criticality code at position 2 and its status code at position 5 (see EdgeCodec).

-- The counter fields one edge counts in: all, its criticality and its status; none when a team or the edge is missing.
local function counterFields(upTeam, downTeam, encoded)
  if not upTeam or upTeam == '' or not downTeam or downTeam == '' or not encoded or encoded == '' then
    return {}
  end
  local prefix = upTeam .. '>' .. downTeam .. '>'
  local status = string.sub(encoded, 5, 5)
  local statusKind = 'h'
  if status == 'F' then statusKind = 'f' elseif status == 'X' then statusKind = 'x' end
  return { prefix .. 'n', prefix .. string.lower(string.sub(encoded, 2, 2)), prefix .. statusKind }
end

-- Adds delta to a counter field, deleting it when it reaches zero.
local function addToCounter(teamEdgesKey, field, delta)
  local value = redis.call('HINCRBY', teamEdgesKey, field, delta)
  if value <= 0 then
    redis.call('HDEL', teamEdgesKey, field)
  end
end

local function bump(teamEdgesKey, upTeam, downTeam, encoded, delta)
  for _, field in ipairs(counterFields(upTeam, downTeam, encoded)) do
    addToCounter(teamEdgesKey, field, delta)
  end
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

