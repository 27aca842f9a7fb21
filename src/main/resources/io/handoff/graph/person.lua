-- Creates or updates a person: their card at the head of their adjacency string, and their summary in the lines of
-- everyone they share a handoff with; moves their edges' team counters when the team changes; keeps the identity index.
-- KEYS: 1 adj:<id>  2 people  3 teamedges  4 identities  5 members:<old team>  6 members:<new team>
--       then adj-part:<id>:<k> for each of the person's parts (as the caller read them)
--       then for each other person named in the person's lines (in ARGV's order): adj:<other> and the key of their
--       line about the person (adj:<other>, or its part when their lines are split)
-- ARGV: 1 id  2 SHA-1 of the person's string and parts joined as the caller read them ('' = the person must not
--       exist yet)  3 the new card  4 the person's part count as read  5 how many other people
--       then for each other person: their id and their part count as the caller believes it
--       then triples (index code, card field number, new value): the identity fields, value '' = none.
-- Returns 1 when written, 0 when the person changed since the caller read them, -1 when another person's part count
-- is not the one the caller passed (the caller re-reads the counts).
-- Everything is checked before the first write, so an error leaves nothing half-written.
local id, expected, card = ARGV[1], ARGV[2], ARGV[3]
local nParts, nOthers = tonumber(ARGV[4]), tonumber(ARGV[5])
local firstTriple = 6 + 2 * nOthers
local firstOther = 7 + nParts

local current = redis.call('GET', KEYS[1])
local whole = current
if current and nParts > 0 then
  local texts = { current }
  for k = 1, nParts do texts[k + 1] = redis.call('GET', KEYS[6 + k]) or '' end
  whole = table.concat(texts)
end
if expected == '' then
  if current then return 0 end
elseif not current or partsOf(current) ~= nParts or redis.sha1hex(whole) ~= expected then
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
local summary = summaryOf(card)
local rewrite = current and oldCard ~= card and summaryOf(oldCard) ~= summary
local others = {}
if rewrite then
  for k = 1, nOthers do
    local main = redis.call('GET', KEYS[firstOther + 2 * (k - 1)])
    if main then
      local parts = partsOf(main)
      if parts ~= tonumber(ARGV[6 + 2 * (k - 1) + 1]) then return -1 end
      others[#others + 1] = { main = main, parts = parts, key = KEYS[firstOther + 2 * (k - 1) + 1] }
    end
  end
end

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
for _, other in ipairs(others) do
  local text = other.parts == 0 and other.main or (redis.call('GET', other.key) or '')
  redis.call('SET', other.key, withOtherSummary(text, id, summary))
end

local oldTeam, newTeam = current and teamOfCard(oldCard) or '', teamOfCard(card)
if oldTeam ~= newTeam then
  if oldTeam ~= '' then redis.call('SREM', KEYS[5], id) end
  if newTeam ~= '' then redis.call('SADD', KEYS[6], id) end
  if current then
    for direction, _, encoded, otherSummary in entries(whole) do
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
