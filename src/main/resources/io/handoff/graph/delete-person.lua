-- Deletes a person and everything that names them: their lines in the adjacency strings of the people they share a
-- handoff with, the team counters of those edges, their identities, team membership and manager roles.
-- KEYS: 1 adj:<id>  2 people  3 teamedges  4 identities  5 members:<team>  6 team-managers  7 teams-version
--       then adj:<n> of each other person named in adj:<id> (in ARGV's order)
-- ARGV: 1 id  2 SHA-1 of adj:<id> as the caller read it  3 a new teams-version token, set when the person managed a
--       team  4 how many other people  then their ids
--       then pairs (index code, card field number): the identity fields to release
-- Returns 1 when deleted, 2 when there was nothing to delete, 0 when the person changed since the caller read them.
local id = ARGV[1]
local nOthers = tonumber(ARGV[4])
local current = redis.call('GET', KEYS[1])
if not current then
  if redis.call('SISMEMBER', KEYS[2], id) == 1 then redis.call('SREM', KEYS[2], id) end
  return 2
end
if redis.sha1hex(current) ~= ARGV[2] then
  return 0
end

local card = cardOf(current)
local team = teamOfCard(card)
for direction, _, encoded, otherSummary in entries(current) do
  if direction == '>' then
    bump(KEYS[3], team, teamOfCard(otherSummary), encoded, -1)
  else
    bump(KEYS[3], teamOfCard(otherSummary), team, encoded, -1)
  end
end
for k = 1, nOthers do
  local key = KEYS[7 + k]
  local adj = redis.call('GET', key)
  redis.call('SET', key, withoutEntry(withoutEntry(adj, '>', id), '<', id))
end

for i = 5 + nOthers, #ARGV, 2 do
  local value = cardField(card, tonumber(ARGV[i + 1]))
  if value ~= '' then
    local indexField = ARGV[i] .. ':' .. value
    if redis.call('HGET', KEYS[4], indexField) == id then
      redis.call('HDEL', KEYS[4], indexField)
    end
  end
end

local managers = redis.call('HGETALL', KEYS[6])
for i = 1, #managers, 2 do
  local kept = {}
  local changed = false
  for manager in string.gmatch(managers[i + 1], '[^,]+') do
    if manager == id then changed = true else kept[#kept + 1] = manager end
  end
  if changed then
    if #kept == 0 then
      redis.call('HDEL', KEYS[6], managers[i])
    else
      redis.call('HSET', KEYS[6], managers[i], table.concat(kept, ','))
    end
    redis.call('SET', KEYS[7], ARGV[3])
  end
end

redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], id)
if team ~= '' then redis.call('SREM', KEYS[5], id) end
return 1
