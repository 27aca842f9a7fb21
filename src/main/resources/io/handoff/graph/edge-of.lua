-- Reads one edge from the upstream's lines without sending them all.
-- KEYS: 1 adj:<up>  2 the key of up's line about down (adj:<up>, or its part when up's lines are split)
-- ARGV: 1 down id  2 up's part count as the caller believes it
-- Returns { up's part count, the encoded edge or '' when there is none }; { -1, '' } when there is no such person.
-- When the count is not the caller's, the edge is not looked for: the caller asks again with the right key.
local adj = redis.call('GET', KEYS[1])
if not adj then return { -1, '' } end
local parts = partsOf(adj)
if parts ~= tonumber(ARGV[2]) then return { parts, '' } end
local lines = parts == 0 and adj or (redis.call('GET', KEYS[2]) or '')
return { parts, entryEdge(lines, '>', ARGV[1]) or '' }
