-- Sets each key to its own text again, so it takes no more memory than its length needs. An import appends new lines
-- to people's keys, and Redis's APPEND leaves room to grow (up to the length again); setting the text once, after
-- the import, gives that room back. A key gone meanwhile is passed over.
-- KEYS: the keys (adjacency strings or parts)
-- Returns how many keys were set.
local set = 0
for i = 1, #KEYS do
  local text = redis.call('GET', KEYS[i])
  if text then
    redis.call('SET', KEYS[i], text)
    set = set + 1
  end
end
return set
