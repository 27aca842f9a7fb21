-- Re-queues jobs whose lease expired (their worker died), then leases up to max due jobs to one worker.
-- KEYS: 1 jobs:due zset  2 jobs:leased zset
-- ARGV: 1 now (epoch ms)  2 lease until (epoch ms)  3 worker id  4 max  5 job hash key prefix (handoff:{t}:job:)
-- Job hashes are named from their id inside the script; they share the tenant's hash tag, so the same slot.
-- Returns {reaped, id1, type1, payload1, due1, failures1, token1, rateLimited1, rateLimitedSince1, id2, ...}
-- (rateLimitedSince '' when never rate-limited); a claim token is worker:run.
local now, leaseUntil, worker, max, prefix = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local reaped = 0
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)
for _, id in ipairs(expired) do
  redis.call('ZREM', KEYS[2], id)
  local job = prefix .. id
  if redis.call('HGET', job, 'state') == 'leased' then
    redis.call('HSET', job, 'state', 'due')
    redis.call('HDEL', job, 'owner', 'lease')
    redis.call('ZADD', KEYS[1], redis.call('HGET', job, 'due'), id)
    reaped = reaped + 1
  end
end
local result = {reaped}
if max < 1 then return result end
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, max)
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[1], id)
  local job = prefix .. id
  if redis.call('HGET', job, 'state') == 'due' then
    local run = redis.call('HINCRBY', job, 'runs', 1)
    local token = worker .. ':' .. run
    redis.call('HSET', job, 'state', 'leased', 'owner', token, 'lease', leaseUntil)
    redis.call('ZADD', KEYS[2], leaseUntil, id)
    local fields = redis.call('HMGET', job, 'type', 'payload', 'due', 'failures', 'rate-limited', 'rate-limited-since')
    result[#result + 1] = id
    result[#result + 1] = fields[1]
    result[#result + 1] = fields[2]
    result[#result + 1] = fields[3]
    result[#result + 1] = fields[4]
    result[#result + 1] = token
    result[#result + 1] = fields[5] or '0'
    result[#result + 1] = fields[6] or ''
  end
end
return result
