-- Creates or updates a team's name and managers together, and stamps the team directory with a new version.
-- KEYS: 1 teams  2 team-managers  3 teams-version
-- ARGV: 1 team id  2 name  3 comma-separated manager ids ('' = none)  4 new teams-version token
-- Saving what is already there changes nothing, not even the version.
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] and (redis.call('HGET', KEYS[2], ARGV[1]) or '') == ARGV[3] then
  return 1
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[2], ARGV[1])
else
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
end
redis.call('SET', KEYS[3], ARGV[4])
return 1
