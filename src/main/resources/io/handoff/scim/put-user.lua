-- Creates or replaces a SCIM user record (the person's SCIM view) and its indexes, all or nothing.
-- KEYS: 1 scim-user:<person>, 2 scim-users, 3 scim-index, 4 deprovisioned
-- ARGV: 1 person, 2 mode (create | update), 3 version read (update), 4 userName (lower case), 5 externalId or '',
--       6 active (true | false), 7 resource JSON, 8 manager id or '', 9 now (ms), 10 now (s)
-- Returns the new version, or -1 already a user, -2 changed or gone since read, -3 userName taken, -4 externalId taken
local user, users, index, gone = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local person, mode, expected, name, ext = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local exists = redis.call('EXISTS', user) == 1
if mode == 'create' then
  if exists then return -1 end
elseif not exists or redis.call('HGET', user, 'version') ~= expected then
  return -2
end
local owner = redis.call('HGET', index, 'u:name:' .. name)
if owner and owner ~= person then return -3 end
if ext ~= '' then
  owner = redis.call('HGET', index, 'u:ext:' .. ext)
  if owner and owner ~= person then return -4 end
end
local oldName = redis.call('HGET', user, 'name-key')
local oldExt = redis.call('HGET', user, 'externalId')
if oldName and oldName ~= name then redis.call('HDEL', index, 'u:name:' .. oldName) end
if oldExt and oldExt ~= '' and oldExt ~= ext then redis.call('HDEL', index, 'u:ext:' .. oldExt) end
redis.call('HSET', index, 'u:name:' .. name, person)
if ext ~= '' then redis.call('HSET', index, 'u:ext:' .. ext, person) end
local version = redis.call('HINCRBY', user, 'version', 1)
redis.call('HSET', user, 'name-key', name, 'externalId', ext, 'active', ARGV[6], 'resource', ARGV[7],
  'manager', ARGV[8], 'modified', ARGV[9])
redis.call('HSETNX', user, 'created', ARGV[9])
redis.call('ZADD', users, 'NX', ARGV[9], person)
if ARGV[6] == 'false' then
  redis.call('HSETNX', user, 'deprovisioned-at', ARGV[10])
  redis.call('ZADD', gone, 'NX', ARGV[10], person)
else
  redis.call('HDEL', user, 'deprovisioned-at')
  redis.call('ZREM', gone, person)
end
return version
