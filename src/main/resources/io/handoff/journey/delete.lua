-- Deletes a journey with its signals.
-- KEYS: 1 journeys (set of ids)  2 journey:<id>  3 journey-signals:<id>
-- ARGV: 1 journey id
-- Returns 1 when the journey was there, 0 when there was nothing to delete.
local existed = redis.call('EXISTS', KEYS[2])
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('SREM', KEYS[1], ARGV[1])
return existed
