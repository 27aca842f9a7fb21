-- Releases a claim only while it is still the caller's (a newer claim of the same work is left alone).
-- KEYS: 1 the claim
-- ARGV: 1 the token the caller claimed it with
-- Returns 1 when released, 0 when the claim was gone or someone else's.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
