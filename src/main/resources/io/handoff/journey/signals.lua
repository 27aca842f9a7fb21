-- Writes a batch of customer signals of one journey, all or nothing.
-- KEYS: 1 journey:<id>  2 journey-signals:<id>
-- ARGV: 1 the journey definition the rows were checked against  2.. pairs of field (touchpoint|period|metric) and
--       value (value US sample US better)
-- Returns how many fields were new or changed (a re-import of the same rows returns 0 and changes nothing), or -1
-- when the journey changed or was deleted since the rows were checked (nothing written).
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return -1
end
local kind = redis.call('TYPE', KEYS[2])['ok']
if kind ~= 'none' and kind ~= 'hash' then
  return redis.error_reply('journey-signals key holds a ' .. kind)
end
local changed = 0
for i = 2, #ARGV, 2 do
  if redis.call('HGET', KEYS[2], ARGV[i]) ~= ARGV[i + 1] then
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
    changed = changed + 1
  end
end
return changed
