-- Creates or replaces a SCIM group record and changes its members, all or nothing.
-- KEYS: 1 scim-group:<team>, 2 scim-groups, 3 scim-index, 4 scim-members:<team>, 5.. scim-user:<person> of the
--       people added, then of the people removed
-- ARGV: 1 team, 2 mode (create | update), 3 version read, 4 displayName (lower case), 5 externalId or '',
--       6 displayName, 7 now (ms), 8 how many added; then the ids added, then the ids removed
-- Returns the new version, or -1 already a group, -2 changed since read, -3 displayName taken, -4 externalId taken,
-- -5 a member added is not a provisioned user
local group, groups, index, members = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local team, mode, expected, name, ext = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local added = tonumber(ARGV[8])
local exists = redis.call('EXISTS', group) == 1
if mode == 'create' then
  if exists then return -1 end
elseif not exists or redis.call('HGET', group, 'version') ~= expected then
  return -2
end
local owner = redis.call('HGET', index, 'g:name:' .. name)
if owner and owner ~= team then return -3 end
if ext ~= '' then
  owner = redis.call('HGET', index, 'g:ext:' .. ext)
  if owner and owner ~= team then return -4 end
end
for i = 1, added do
  if redis.call('EXISTS', KEYS[4 + i]) == 0 then return -5 end
end
local oldName = redis.call('HGET', group, 'name-key')
local oldExt = redis.call('HGET', group, 'externalId')
if oldName and oldName ~= name then redis.call('HDEL', index, 'g:name:' .. oldName) end
if oldExt and oldExt ~= '' and oldExt ~= ext then redis.call('HDEL', index, 'g:ext:' .. oldExt) end
redis.call('HSET', index, 'g:name:' .. name, team)
if ext ~= '' then redis.call('HSET', index, 'g:ext:' .. ext, team) end
local version = redis.call('HINCRBY', group, 'version', 1)
redis.call('HSET', group, 'name-key', name, 'externalId', ext, 'displayName', ARGV[6], 'modified', ARGV[7])
redis.call('HSETNX', group, 'created', ARGV[7])
redis.call('ZADD', groups, 'NX', ARGV[7], team)
for i = 1, added do
  redis.call('SADD', members, ARGV[8 + i])
  withGroup(KEYS[4 + i], team, true)
end
for i = added + 1, #KEYS - 4 do
  redis.call('SREM', members, ARGV[8 + i])
  if redis.call('EXISTS', KEYS[4 + i]) == 1 then withGroup(KEYS[4 + i], team, false) end
end
return version
