-- Creates or updates a team's name and managers together.
-- KEYS: 1 teams  2 team-managers    ARGV: 1 team id  2 name  3 comma-separated manager ids ('' = none)
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[2], ARGV[1])
else
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
end
return 1
