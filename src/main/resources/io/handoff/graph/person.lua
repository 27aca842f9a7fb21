-- Creates or updates a person; moves their edges' team counters when the team changes; keeps the identity index.
-- KEYS: 1 person  2 people  3 out  4 in  5 teamedges  6 identities  7 members:<old team>  8 members:<new team>
--       9 .. 8+nOut person keys of out-neighbours, then nIn person keys of in-neighbours; last: cards
-- ARGV: 1 id  2 expected team ('-' = person must not exist yet, '' = exists without a team)  3 new team ('' none)
--       4 nOut  5 nIn  then nOut out-neighbour ids, nIn in-neighbour ids,
--       then triples (field, value, platform): value '' deletes the field; platform '' = not an identity field.
-- Returns 1 when written, 0 when the person, their team or their neighbours changed since the caller read them.
-- Everything is checked before the first write, so an error leaves nothing half-written.
local id, expectedTeam, newTeam = ARGV[1], ARGV[2], ARGV[3]
local nOut, nIn = tonumber(ARGV[4]), tonumber(ARGV[5])
local firstOut, firstIn = 6, 6 + nOut
local firstTriple = 6 + nOut + nIn

local exists = redis.call('EXISTS', KEYS[1]) == 1
if expectedTeam == '-' then
  if exists then return 0 end
elseif not exists or teamOf(KEYS[1]) ~= expectedTeam then
  return 0
end
if not sameFields(KEYS[3], firstOut, firstIn - 1) or not sameFields(KEYS[4], firstIn, firstTriple - 1) then
  return 0
end
for i = firstTriple, #ARGV, 3 do
  local value, platform = ARGV[i + 1], ARGV[i + 2]
  if platform ~= '' and value ~= '' then
    local owner = redis.call('HGET', KEYS[6], platform .. ':' .. value)
    if owner and owner ~= id then
      return redis.error_reply('HANDOFF_IDENTITY_TAKEN ' .. platform .. ' ' .. owner)
    end
  end
end

for i = firstTriple, #ARGV, 3 do
  local field, value, platform = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if platform ~= '' then
    local old = redis.call('HGET', KEYS[1], field)
    if old and old ~= value and redis.call('HGET', KEYS[6], platform .. ':' .. old) == id then
      redis.call('HDEL', KEYS[6], platform .. ':' .. old)
    end
    if value ~= '' then
      redis.call('HSET', KEYS[6], platform .. ':' .. value, id)
    end
  end
  if value == '' then
    redis.call('HDEL', KEYS[1], field)
  else
    redis.call('HSET', KEYS[1], field, value)
  end
end
redis.call('SADD', KEYS[2], id)
writeCard(KEYS[1], KEYS[#KEYS], id)

local oldTeam = expectedTeam
if oldTeam == '-' then oldTeam = '' end
if oldTeam ~= newTeam then
  if oldTeam ~= '' then redis.call('SREM', KEYS[7], id) end
  if newTeam ~= '' then redis.call('SADD', KEYS[8], id) end
  for k = 0, nOut - 1 do
    local other = ARGV[firstOut + k]
    local encoded = redis.call('HGET', KEYS[3], other)
    local otherTeam = teamOf(KEYS[9 + k])
    bump(KEYS[5], oldTeam, otherTeam, encoded, -1)
    bump(KEYS[5], newTeam, otherTeam, encoded, 1)
  end
  for k = 0, nIn - 1 do
    local other = ARGV[firstIn + k]
    local encoded = redis.call('HGET', KEYS[4], other)
    local otherTeam = teamOf(KEYS[9 + nOut + k])
    bump(KEYS[5], otherTeam, oldTeam, encoded, -1)
    bump(KEYS[5], otherTeam, newTeam, encoded, 1)
  end
end
return 1
