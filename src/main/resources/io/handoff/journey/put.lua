-- Stores a journey definition (JSON) and keeps the signals of its touchpoints only.
-- KEYS: 1 journeys (set of ids)  2 journey:<id>  3 journey-signals:<id>
-- ARGV: 1 journey id  2 definition (JSON)  3 what the caller read ('*' = whatever is there, '' = nothing)
--       4.. the touchpoint ids of the new definition
-- Returns 1 when stored, 0 when the same definition was already there (nothing changes), -1 when the journey changed
-- since the caller read it (nothing written; the caller reads again).
local current = redis.call('GET', KEYS[2])
if ARGV[3] ~= '*' and (current or '') ~= ARGV[3] then
  return -1
end
if current == ARGV[2] then
  return 0
end
local kind = redis.call('TYPE', KEYS[3])['ok']
if kind ~= 'none' and kind ~= 'hash' then
  return redis.error_reply('journey-signals key holds a ' .. kind)
end
local keep = {}
for i = 4, #ARGV do
  keep[ARGV[i]] = true
end
if kind == 'hash' then
  local stale = {}
  for _, field in ipairs(redis.call('HKEYS', KEYS[3])) do
    local touchpoint = string.match(field, '^([^|]*)|')
    if not keep[touchpoint] then
      stale[#stale + 1] = field
    end
  end
  for i = 1, #stale, 500 do
    redis.call('HDEL', KEYS[3], unpack(stale, i, math.min(i + 499, #stale)))
  end
end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('SADD', KEYS[1], ARGV[1])
return 1
