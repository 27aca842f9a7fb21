-- Deletes a person and everything that names them: their edges on both sides, the team counters of those edges,
-- their identities, team membership and manager roles.
-- KEYS: 1 person  2 people  3 out  4 in  5 teamedges  6 identities  7 members:<team>  8 team-managers
--       then for each out-neighbour: in:<n>, person:<n>; then for each in-neighbour: out:<n>, person:<n>;
--       then cards, teams-version
-- ARGV: 1 id  2 expected team ('' none)  3 nOut  4 nIn  then nOut out-neighbour ids, nIn in-neighbour ids;
--       last: a new teams-version token, set when the person managed a team
-- Returns 1 when deleted, 2 when there was nothing to delete, 0 when the person changed since the caller read them.
local id, team = ARGV[1], ARGV[2]
local nOut, nIn = tonumber(ARGV[3]), tonumber(ARGV[4])
local firstOut, firstIn = 5, 5 + nOut
if redis.call('EXISTS', KEYS[1]) == 0 then
  if redis.call('SISMEMBER', KEYS[2], id) == 1 then redis.call('SREM', KEYS[2], id) end
  return 2
end
if teamOf(KEYS[1]) ~= team or not sameFields(KEYS[3], firstOut, firstIn - 1)
    or not sameFields(KEYS[4], firstIn, firstIn + nIn - 1) then
  return 0
end

for k = 0, nOut - 1 do
  local other = ARGV[firstOut + k]
  local encoded = redis.call('HGET', KEYS[3], other)
  bump(KEYS[5], team, teamOf(KEYS[10 + 2 * k]), encoded, -1)
  redis.call('HDEL', KEYS[9 + 2 * k], id)
end
for k = 0, nIn - 1 do
  local other = ARGV[firstIn + k]
  local encoded = redis.call('HGET', KEYS[4], other)
  local base = 9 + 2 * nOut + 2 * k
  bump(KEYS[5], teamOf(KEYS[base + 1]), team, encoded, -1)
  redis.call('HDEL', KEYS[base], id)
end

local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  local field, value = fields[i], fields[i + 1]
  local indexField = nil
  if string.sub(field, 1, 3) == 'id:' then
    indexField = string.sub(field, 4) .. ':' .. value
  elseif field == 'email' then
    indexField = 'email:' .. value
  end
  if indexField then
    if redis.call('HGET', KEYS[6], indexField) == id then
      redis.call('HDEL', KEYS[6], indexField)
    end
  end
end

local managers = redis.call('HGETALL', KEYS[8])
for i = 1, #managers, 2 do
  local kept = {}
  local changed = false
  for manager in string.gmatch(managers[i + 1], '[^,]+') do
    if manager == id then changed = true else kept[#kept + 1] = manager end
  end
  if changed then
    if #kept == 0 then
      redis.call('HDEL', KEYS[8], managers[i])
    else
      redis.call('HSET', KEYS[8], managers[i], table.concat(kept, ','))
    end
    redis.call('SET', KEYS[#KEYS], ARGV[#ARGV])
  end
end

redis.call('DEL', KEYS[1], KEYS[3], KEYS[4])
redis.call('HDEL', KEYS[#KEYS - 1], id)
redis.call('SREM', KEYS[2], id)
if team ~= '' then redis.call('SREM', KEYS[7], id) end
return 1
