-- Forgets the team channels that lie in one Teams team (Handoff was removed from it, or the team was deleted).
-- KEYS: 1 team id -> channel JSON {serviceUrl, channelId, teamsTeamId, microsoftTenant} (hash)
-- ARGV: 1 the Teams team id
-- Returns the Handoff team ids whose channel was forgotten. An unreadable entry is left as it is.
local forgotten = {}
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local ok, place = pcall(cjson.decode, entries[i + 1])
  if ok and type(place) == 'table' and place.teamsTeamId == ARGV[1] then
    redis.call('HDEL', KEYS[1], entries[i])
    forgotten[#forgotten + 1] = entries[i]
  end
end
return forgotten
