-- Deletes a SCIM user record (DELETE /Users/{id}): the record, its indexes and group memberships go; the person
-- stays in the graph, marked deprovisioned (kept until the tenant's retention removes them).
-- KEYS: 1 scim-user:<person>, 2 scim-users, 3 scim-index, 4 deprovisioned, 5.. scim-members:<team> of their groups
-- ARGV: 1 person, 2 version read, 3 groups read, 4 now (s)
-- Returns 1, or -2 when the record changed or went since it was read
local user = KEYS[1]
if redis.call('HGET', user, 'version') ~= ARGV[2] or (redis.call('HGET', user, 'groups') or '') ~= ARGV[3] then
  return -2
end
local name = redis.call('HGET', user, 'name-key')
local ext = redis.call('HGET', user, 'externalId')
if name then redis.call('HDEL', KEYS[3], 'u:name:' .. name) end
if ext and ext ~= '' then redis.call('HDEL', KEYS[3], 'u:ext:' .. ext) end
for i = 5, #KEYS do redis.call('SREM', KEYS[i], ARGV[1]) end
redis.call('DEL', user)
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[4], 'NX', ARGV[4], ARGV[1])
return 1
