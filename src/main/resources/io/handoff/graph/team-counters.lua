-- Shared by the graph scripts: keeps the team-to-team counters in the teamedges hash in step with person edges.
-- One field per pair of teams, "upTeam>downTeam", whose value packs seven counters "n,r,i,c,f,x,h": all edges, by
-- criticality (routine, important, critical) and by status (confirmed, disputed, pending). A pair is deleted when its
-- last edge goes. An encoded edge has its criticality code at position 2 and its status code at position 5 (EdgeCodec).
local CRITICALITY_SLOT = { R = 2, I = 3, C = 4 }
local STATUS_SLOT = { F = 5, X = 6 }
local PENDING_SLOT = 7

-- The team pair an edge counts in and its three counter slots; nil when a team or the edge is missing.
local function counterSlots(upTeam, downTeam, encoded)
  if not upTeam or upTeam == '' or not downTeam or downTeam == '' or not encoded or encoded == '' then
    return nil
  end
  local criticality = CRITICALITY_SLOT[string.sub(encoded, 2, 2)]
  local status = STATUS_SLOT[string.sub(encoded, 5, 5)] or PENDING_SLOT
  return upTeam .. '>' .. downTeam, { 1, criticality, status }
end

-- Adds seven deltas to the packed counters of a team pair, deleting the pair when no edge is left. (Parsed with one
-- match and written with one format: the import moves hundreds of pairs per script. A value of fewer fields, should
-- one be found, is read slot by slot; it is written back with all seven.)
local function addToPair(teamEdgesKey, pair, deltas)
  local counts = { 0, 0, 0, 0, 0, 0, 0 }
  local current = redis.call('HGET', teamEdgesKey, pair)
  if current then
    local n, r, i, c, f, x, h = string.match(current, '^([^,]+),([^,]+),([^,]+),([^,]+),([^,]+),([^,]+),([^,]+)$')
    if n then
      counts = { tonumber(n), tonumber(r), tonumber(i), tonumber(c), tonumber(f), tonumber(x), tonumber(h) }
    else
      local slot = 1
      for value in string.gmatch(current, '[^,]+') do
        counts[slot] = tonumber(value)
        slot = slot + 1
      end
    end
  end
  for slot = 1, 7 do
    counts[slot] = counts[slot] + deltas[slot]
  end
  if counts[1] <= 0 then
    redis.call('HDEL', teamEdgesKey, pair)
  else
    redis.call('HSET', teamEdgesKey, pair, string.format('%d,%d,%d,%d,%d,%d,%d', counts[1], counts[2], counts[3],
      counts[4], counts[5], counts[6], counts[7]))
  end
end

local function bump(teamEdgesKey, upTeam, downTeam, encoded, delta)
  local pair, slots = counterSlots(upTeam, downTeam, encoded)
  if pair then
    local deltas = { 0, 0, 0, 0, 0, 0, 0 }
    for _, slot in ipairs(slots) do
      deltas[slot] = deltas[slot] + delta
    end
    addToPair(teamEdgesKey, pair, deltas)
  end
end
