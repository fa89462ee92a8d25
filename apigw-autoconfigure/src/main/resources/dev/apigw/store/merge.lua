-- Adds what an instance counted while Redis was unreachable. KEYS[1]: the counter.
-- ARGV: the count added locally, the instance's own total (a floor, for a Redis that lost
-- its data meanwhile), expire at (ms, 0 for never).
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local value = math.max(current + tonumber(ARGV[1]), tonumber(ARGV[2]))
redis.call('SET', KEYS[1], tostring(value))
if tonumber(ARGV[3]) > 0 then
  redis.call('PEXPIREAT', KEYS[1], ARGV[3])
end
return tostring(value)
