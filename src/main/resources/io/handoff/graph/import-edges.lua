-- Stores a batch of handoffs as given (an import or a restore), replacing any edge between the same two people, and
-- moves the team counters by the batch's net change, one write per pair of teams.
-- KEYS: 1 teamedges, then for edge i (0-based): 2+4i out:<up>  3+4i in:<down>  4+4i person:<up>  5+4i person:<down>
-- ARGV: for edge i: 1+3i up id  2+3i down id  3+3i encoded edge
-- Returns how many edges were new or changed. Every person is checked before the first write: a batch naming an
-- unknown person is refused whole and leaves nothing behind.
local n = #ARGV / 3
local teams = {}
local function team(personKey)
  local known = teams[personKey]
  if known == nil then
    if redis.call('EXISTS', personKey) == 0 then return nil end
    known = teamOf(personKey)
    teams[personKey] = known
  end
  return known
end

for i = 0, n - 1 do
  if team(KEYS[4 + 4 * i]) == nil then
    return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. ARGV[1 + 3 * i])
  end
  if team(KEYS[5 + 4 * i]) == nil then
    return redis.error_reply('HANDOFF_UNKNOWN_PERSON ' .. ARGV[2 + 3 * i])
  end
end

local deltas, order = {}, {}
local function count(upTeam, downTeam, encoded, delta)
  local pair, slots = counterSlots(upTeam, downTeam, encoded)
  if pair then
    if deltas[pair] == nil then
      deltas[pair] = { 0, 0, 0, 0, 0, 0, 0 }
      order[#order + 1] = pair
    end
    for _, slot in ipairs(slots) do
      deltas[pair][slot] = deltas[pair][slot] + delta
    end
  end
end

local written = 0
for i = 0, n - 1 do
  local out, into = KEYS[2 + 4 * i], KEYS[3 + 4 * i]
  local up, down, encoded = ARGV[1 + 3 * i], ARGV[2 + 3 * i], ARGV[3 + 3 * i]
  local current = redis.call('HGET', out, down)
  if current ~= encoded then
    redis.call('HSET', out, down, encoded)
    redis.call('HSET', into, up, encoded)
    local upTeam, downTeam = teams[KEYS[4 + 4 * i]], teams[KEYS[5 + 4 * i]]
    count(upTeam, downTeam, current, -1)
    count(upTeam, downTeam, encoded, 1)
    written = written + 1
  end
end
for _, pair in ipairs(order) do
  local changed = false
  for slot = 1, 7 do
    if deltas[pair][slot] ~= 0 then changed = true end
  end
  if changed then
    addToPair(KEYS[1], pair, deltas[pair])
  end
end
return written
