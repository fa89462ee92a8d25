-- The store's marker: written once, when missing, and never expiring, so that an instance
-- that saw another value (or one at all) before knows that Redis lost its data since.
-- KEYS[1]: the marker. ARGV[1]: the value to write when it is missing. Returns the value held.
local held = redis.call('GET', KEYS[1])
if held then
  return held
end
redis.call('SET', KEYS[1], ARGV[1])
return ARGV[1]
