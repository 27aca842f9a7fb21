-- The comma-separated team ids in a user record's 'groups' field, with one added or removed.
local function withGroup(user, team, add)
  local current = redis.call('HGET', user, 'groups') or ''
  local kept = {}
  for id in string.gmatch(current, '[^,]+') do
    if id ~= team then kept[#kept + 1] = id end
  end
  if add then kept[#kept + 1] = team end
  redis.call('HSET', user, 'groups', table.concat(kept, ','))
end
