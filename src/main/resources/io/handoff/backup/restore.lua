-- Restores one batch of a tenant export, all or nothing: refuses before its first write if any key exists.
-- KEYS: the batch's keys (all in the tenant's slot).
-- ARGV: per key, in KEYS order: type (string, hash, set, zset, list), expire-at (epoch ms, 0 = none), n, then n
-- values (string: the value; hash: field, value…; set and list: members in order; zset: score, member…).
for k = 1, #KEYS do
  if redis.call('EXISTS', KEYS[k]) == 1 then
    return redis.error_reply('EXISTS ' .. KEYS[k])
  end
end
local chunk = 500
local function each(command, key, from, n, step)
  local i = 0
  while i < n do
    local count = math.min(chunk, n - i)
    redis.call(command, key, unpack(ARGV, from + i, from + i + count - 1))
    i = i + count
  end
end
local at = 1
for k = 1, #KEYS do
  local key, kind, expire, n = KEYS[k], ARGV[at], tonumber(ARGV[at + 1]), tonumber(ARGV[at + 2])
  local from = at + 3
  if kind == 'string' then
    redis.call('SET', key, ARGV[from])
  elseif kind == 'hash' then
    each('HSET', key, from, n)
  elseif kind == 'set' then
    each('SADD', key, from, n)
  elseif kind == 'zset' then
    each('ZADD', key, from, n)
  elseif kind == 'list' then
    each('RPUSH', key, from, n)
  else
    return redis.error_reply('TYPE ' .. kind)
  end
  if expire > 0 then
    redis.call('PEXPIREAT', key, expire)
  end
  at = from + n
end
return #KEYS
