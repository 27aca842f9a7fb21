-- Creates or updates a person: their card at the head of their adjacency string, and their summary in the lines of
-- everyone they share a handoff with; moves their edges' team counters when the team changes; keeps the identity index.
-- KEYS: 1 adj:<id>  2 people  3 teamedges  4 identities  5 members:<old team>  6 members:<new team>
--       then adj:<n> of each other person named in adj:<id> (in ARGV's order)
-- ARGV: 1 id  2 SHA-1 of adj:<id> as the caller read it ('' = the person must not exist yet)  3 the new card
--       4 how many other people  then their ids
--       then triples (index code, card field number, new value): the identity fields, value '' = none.
-- Returns 1 when written, 0 when adj:<id> changed since the caller read it.
-- Everything is checked before the first write, so an error leaves nothing half-written.
local id, expected, card = ARGV[1], ARGV[2], ARGV[3]
local nOthers = tonumber(ARGV[4])
local firstTriple = 5 + nOthers

local current = redis.call('GET', KEYS[1])
if expected == '' then
  if current then return 0 end
elseif not current or redis.sha1hex(current) ~= expected then
  return 0
end
for i = firstTriple, #ARGV, 3 do
  local code, value = ARGV[i], ARGV[i + 2]
  if value ~= '' then
    local owner = redis.call('HGET', KEYS[4], code .. ':' .. value)
    if owner and owner ~= id then
      return redis.error_reply('HANDOFF_IDENTITY_TAKEN ' .. code .. ' ' .. owner)
    end
  end
end

local oldCard = current and cardOf(current) or ''
for i = firstTriple, #ARGV, 3 do
  local code, field, value = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
  local old = cardField(oldCard, field)
  if old ~= '' and old ~= value and redis.call('HGET', KEYS[4], code .. ':' .. old) == id then
    redis.call('HDEL', KEYS[4], code .. ':' .. old)
  end
  if value ~= '' then
    redis.call('HSET', KEYS[4], code .. ':' .. value, id)
  end
end
redis.call('SADD', KEYS[2], id)
if oldCard == card then
  return 1
end
redis.call('SET', KEYS[1], current and card .. string.sub(current, #oldCard + 1) or card)
local summary = summaryOf(card)
if current and summaryOf(oldCard) ~= summary then
  for k = 1, nOthers do
    local key = KEYS[6 + k]
    redis.call('SET', key, withOtherSummary(redis.call('GET', key), id, summary))
  end
end

local oldTeam, newTeam = current and teamOfCard(oldCard) or '', teamOfCard(card)
if oldTeam ~= newTeam then
  if oldTeam ~= '' then redis.call('SREM', KEYS[5], id) end
  if newTeam ~= '' then redis.call('SADD', KEYS[6], id) end
  if current then
    for direction, _, encoded, otherSummary in entries(current) do
      local otherTeam = teamOfCard(otherSummary)
      if direction == '>' then
        bump(KEYS[3], oldTeam, otherTeam, encoded, -1)
        bump(KEYS[3], newTeam, otherTeam, encoded, 1)
      else
        bump(KEYS[3], otherTeam, oldTeam, encoded, -1)
        bump(KEYS[3], otherTeam, newTeam, encoded, 1)
      end
    end
  end
end
return 1
