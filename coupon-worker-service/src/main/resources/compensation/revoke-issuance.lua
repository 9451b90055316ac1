-- Takes back one issuance that can never be persisted: member out of the issued set, coupon back in stock.
-- Only the acceptance the event describes is revoked (same member AND same acceptance time), so
-- replaying an old dead letter can neither return stock twice nor revoke a later, valid issuance.
-- KEYS[1] issued (zset member -> accepted ms), KEYS[2] stock; ARGV[1] member id, ARGV[2] accepted ms
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('INCR', KEYS[2])
  return 1
end
return 0
