-- Schedules a job, or updates one that is still waiting (same id: one job).
-- KEYS: 1 job:<id> hash  2 jobs:due zset
-- ARGV: 1 id  2 type  3 payload  4 due (epoch ms)  5 now (epoch ms)  6 mode: 'upsert' or 'absent'
-- Returns 'created', 'updated', 'exists' (absent mode, job waiting), 'running', 'done' or 'dead' (left unchanged).
local id, mode = ARGV[1], ARGV[6]
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'leased' then return 'running' end
if state == 'done' or state == 'dead' then return state end
if state == 'due' then
  if mode == 'absent' then return 'exists' end
  redis.call('HSET', KEYS[1], 'type', ARGV[2], 'payload', ARGV[3], 'due', ARGV[4])
  redis.call('ZADD', KEYS[2], ARGV[4], id)
  return 'updated'
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'type', ARGV[2], 'payload', ARGV[3], 'due', ARGV[4], 'state', 'due',
  'failures', 0, 'runs', 0, 'created', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[4], id)
return 'created'
