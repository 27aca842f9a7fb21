-- Erases the files kept for one person and their index (forget-me).
-- KEYS: 1 index of the person's files (set)  2 .. n+1 the file keys of the ids in ARGV, same order
-- ARGV: the file ids the caller read from the index
-- Returns the number of file keys deleted, or -1 when the index changed since the caller read it (read again).
if redis.call('SCARD', KEYS[1]) ~= #ARGV then
  return -1
end
for i = 1, #ARGV do
  if redis.call('SISMEMBER', KEYS[1], ARGV[i]) == 0 then
    return -1
  end
end
local deleted = 0
for i = 2, #KEYS do
  deleted = deleted + redis.call('DEL', KEYS[i])
end
redis.call('DEL', KEYS[1])
return deleted
