-- Removes a job that is waiting or dead; a running job is left alone.
-- KEYS: 1 job:<id> hash  2 jobs:due  3 jobs:dead
-- ARGV: 1 id
-- Returns 1 when removed, 0 when there was no waiting job, -1 when it is running.
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'leased' then return -1 end
if state ~= 'due' and state ~= 'dead' then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('DEL', KEYS[1])
return 1
