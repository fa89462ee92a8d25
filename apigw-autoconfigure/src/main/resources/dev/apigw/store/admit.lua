-- One admission, atomically: every bucket must hold a token and the quota must not be used
-- up; only then is one token taken from every bucket and the counters incremented. A
-- refused request changes nothing (refill is recomputed from the stored time next time).
--
-- KEYS: the n buckets, then [quota counter, plan first use] when ARGV[3] == '1',
--       then [day counter, plan key set] when ARGV[4] == '1'
-- ARGV: now (ms), n, has quota, has metering,
--       per bucket: rate (tokens/s), burst, time to live (ms),
--       quota: limit, offset, period start (ms), expire at (ms),
--       metering: expire at (ms), key id
local now = tonumber(ARGV[1])
local n = tonumber(ARGV[2])
local hasQuota = ARGV[3] == '1'
local hasMeter = ARGV[4] == '1'
local tokens = {}
local stamps = {}
local refused = -1
for i = 1, n do
  local rate = tonumber(ARGV[2 + i * 3])
  local burst = tonumber(ARGV[3 + i * 3])
  local state = redis.call('HMGET', KEYS[i], 't', 's')
  local t = tonumber(state[1])
  local s = tonumber(state[2])
  if t == nil or s == nil then
    t = burst
    s = now
  elseif now > s then
    t = math.min(burst, t + (now - s) * rate / 1000)
    s = now
  end
  tokens[i] = t
  stamps[i] = s
  if t < 1 and refused < 0 then
    refused = i - 1
  end
end
local k = n + 1
local q = 5 + n * 3
local m = q
local used = -1
local limit = -1
local day = -1
if hasQuota then
  used = tonumber(redis.call('GET', KEYS[k]) or '0')
  local first = tonumber(redis.call('GET', KEYS[k + 1]) or ARGV[1])
  limit = tonumber(ARGV[q])
  if first >= tonumber(ARGV[q + 2]) then
    limit = limit - tonumber(ARGV[q + 1])
  end
  m = q + 4
end
local function answer(outcome)
  local out = { outcome, tostring(refused), tostring(used), tostring(limit), tostring(day) }
  for i = 1, n do
    out[#out + 1] = tostring(tokens[i])
  end
  return out
end
if refused >= 0 then
  return answer('THROTTLED')
end
if hasQuota and used >= limit then
  return answer('QUOTA_EXCEEDED')
end
for i = 1, n do
  tokens[i] = tokens[i] - 1
  redis.call('HSET', KEYS[i], 't', tostring(tokens[i]), 's', tostring(stamps[i]))
  redis.call('PEXPIRE', KEYS[i], ARGV[4 + i * 3])
end
if hasQuota then
  redis.call('SETNX', KEYS[k + 1], ARGV[1])
  used = redis.call('INCR', KEYS[k])
  redis.call('PEXPIREAT', KEYS[k], ARGV[q + 3])
  k = k + 2
end
if hasMeter then
  day = redis.call('INCR', KEYS[k])
  redis.call('PEXPIREAT', KEYS[k], ARGV[m])
  redis.call('SADD', KEYS[k + 1], ARGV[m + 1])
end
return answer('ADMITTED')
