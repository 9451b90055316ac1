-- Decides one issuance atomically. Every key belongs to one coupon and shares its hash tag.
-- KEYS[1] campaign hash, KEYS[2] stock, KEYS[3] issued (zset member -> accepted ms), KEYS[4] outbox stream
-- ARGV[1] member id, ARGV[2] now in epoch milliseconds
-- Returns the stock left after issuing (>= 0), or a refusal:
--   -1 unknown coupon, -2 campaign not open, -3 already issued to this member, -4 sold out
local campaign = redis.call('HMGET', KEYS[1], 'id', 'status', 'startsAt', 'endsAt')
local couponId, status, startsAt, endsAt = campaign[1], campaign[2], campaign[3], campaign[4]
if not couponId then
  return -1
end
local now = tonumber(ARGV[2])
if status ~= 'ACTIVE' then
  return -2
end
if startsAt and startsAt ~= '' and now < tonumber(startsAt) then
  return -2
end
if endsAt and endsAt ~= '' and now >= tonumber(endsAt) then
  return -2
end
if redis.call('ZSCORE', KEYS[3], ARGV[1]) then
  return -3
end
local stock = tonumber(redis.call('GET', KEYS[2]) or '0')
if stock <= 0 then
  return -4
end
redis.call('DECR', KEYS[2])
redis.call('ZADD', KEYS[3], now, ARGV[1])
-- The outbox entry is written by the same script as the decision: a "yes" can never exist
-- without the record that carries it to Kafka.
redis.call('XADD', KEYS[4], '*', 'memberId', ARGV[1], 'couponId', couponId, 'acceptedAt', ARGV[2])
return stock - 1
