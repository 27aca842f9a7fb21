-- Reads one edge from the upstream's adjacency string without sending the whole string.
-- KEYS: 1 adj:<up>  ARGV: 1 down id
-- Returns the encoded edge, or nil when there is no such edge (or no such person).
local adj = redis.call('GET', KEYS[1])
if not adj then return false end
return entryEdge(adj, '>', ARGV[1]) or false
