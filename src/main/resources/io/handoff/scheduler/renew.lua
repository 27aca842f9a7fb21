-- Extends the leases a worker still holds: for each (id, token) pair, only when the job is leased under that very
-- token (compare-and-set); a lease that expired and was re-queued or taken over by another worker is reported lost.
-- KEYS: 1 jobs:leased zset
-- ARGV: 1 lease until (epoch ms)  2 job hash key prefix (handoff:{t}:job:)  3.. id1, token1, id2, token2, ...
-- Job hashes are named from their id inside the script; they share the tenant's hash tag, so the same slot.
-- Returns the ids whose lease this worker no longer holds (empty when every lease was renewed).
local leaseUntil, prefix = ARGV[1], ARGV[2]
local lost = {}
for i = 3, #ARGV - 1, 2 do
  local id, token = ARGV[i], ARGV[i + 1]
  local job = prefix .. id
  local fields = redis.call('HMGET', job, 'state', 'owner')
  if fields[1] == 'leased' and fields[2] == token then
    redis.call('HSET', job, 'lease', leaseUntil)
    redis.call('ZADD', KEYS[1], leaseUntil, id)
  else
    lost[#lost + 1] = id
  end
end
return lost
