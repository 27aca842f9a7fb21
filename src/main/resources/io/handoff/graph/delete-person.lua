-- Deletes a person and everything that names them: their lines in the lines of the people they share a handoff with,
-- the team counters of those edges, their parts, identities, team membership and manager roles.
-- KEYS: 1 adj:<id>  2 people  3 teamedges  4 identities  5 members:<team>  6 team-managers  7 teams-version
--       then adj-part:<id>:<k> for each of the person's parts (as the caller read them)
--       then for each other person named in the person's lines (in ARGV's order): adj:<other> and the key of their
--       lines about the person (adj:<other>, or its part when their lines are split)
-- ARGV: 1 id  2 SHA-1 of the person's string and parts joined as the caller read them  3 a new teams-version token,
--       set when the person managed a team  4 the person's part count as read  5 how many other people
--       then for each other person: their id and their part count as the caller believes it
--       then pairs (index code, card field number): the identity fields to release
-- Returns 1 when deleted, 2 when there was nothing to delete, 0 when the person changed since the caller read them,
-- -1 when another person's part count is not the one the caller passed (the caller re-reads the counts).
local id = ARGV[1]
local nParts, nOthers = tonumber(ARGV[4]), tonumber(ARGV[5])
local firstOther = 8 + nParts
local current = redis.call('GET', KEYS[1])
if not current then
  if redis.call('SISMEMBER', KEYS[2], id) == 1 then redis.call('SREM', KEYS[2], id) end
  return 2
end
local whole = current
if nParts > 0 then
  local texts = { current }
  for k = 1, nParts do texts[k + 1] = redis.call('GET', KEYS[7 + k]) or '' end
  whole = table.concat(texts)
end
if partsOf(current) ~= nParts or redis.sha1hex(whole) ~= ARGV[2] then
  return 0
end
local others = {}
for k = 1, nOthers do
  local main = redis.call('GET', KEYS[firstOther + 2 * (k - 1)])
  if main then
    local parts = partsOf(main)
    if parts ~= tonumber(ARGV[6 + 2 * (k - 1) + 1]) then return -1 end
    others[#others + 1] = { main = main, parts = parts, key = KEYS[firstOther + 2 * (k - 1) + 1] }
  end
end

local card = cardOf(current)
local team = teamOfCard(card)
for direction, _, encoded, otherSummary in entries(whole) do
  if direction == '>' then
    bump(KEYS[3], team, teamOfCard(otherSummary), encoded, -1)
  else
    bump(KEYS[3], teamOfCard(otherSummary), team, encoded, -1)
  end
end
for _, other in ipairs(others) do
  local text = other.parts == 0 and other.main or (redis.call('GET', other.key) or '')
  redis.call('SET', other.key, withoutEntry(withoutEntry(text, '>', id), '<', id))
end

for i = 6 + 2 * nOthers, #ARGV, 2 do
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
for k = 1, nParts do redis.call('DEL', KEYS[7 + k]) end
redis.call('SREM', KEYS[2], id)
if team ~= '' then redis.call('SREM', KEYS[5], id) end
return 1
