-- Deletes a SCIM group record, its indexes and memberships (the team stays in the graph).
-- KEYS: 1 scim-group:<team>, 2 scim-groups, 3 scim-index, 4 scim-members:<team>, 5.. scim-user:<person> of members
-- ARGV: 1 team, 2 version read, 3 member count read
-- Returns 1, or -2 when the group changed since it was read
local group = KEYS[1]
if redis.call('HGET', group, 'version') ~= ARGV[2] or redis.call('SCARD', KEYS[4]) ~= tonumber(ARGV[3]) then
  return -2
end
local name = redis.call('HGET', group, 'name-key')
local ext = redis.call('HGET', group, 'externalId')
if name then redis.call('HDEL', KEYS[3], 'g:name:' .. name) end
if ext and ext ~= '' then redis.call('HDEL', KEYS[3], 'g:ext:' .. ext) end
for i = 5, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then withGroup(KEYS[i], ARGV[1], false) end
end
redis.call('DEL', group, KEYS[4])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
