-- Writes adjacency strings built from the layout before them, each only where the person has none yet (so running
-- the upgrade again, or after a write in the new layout, changes nothing).
-- KEYS: adj:<id> for each person    ARGV: the adjacency string of each, in the same order
-- Returns how many were written.
local written = 0
for i = 1, #KEYS do
  if redis.call('SET', KEYS[i], ARGV[i], 'NX') then
    written = written + 1
  end
end
return written
