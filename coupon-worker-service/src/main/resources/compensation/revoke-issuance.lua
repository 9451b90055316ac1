-- Takes back one issuance that can never be persisted: member out of the issued set, coupon back in stock.
-- Only the acceptance the event describes is revoked (same member AND same acceptance time), so
-- replaying an old dead letter can neither return stock twice nor revoke a later, valid issuance.
-- KEYS[1] issued (zset member -> accepted ms), KEYS[2] stock, KEYS[3] version; ARGV[1] member id, ARGV[2] accepted ms
-- bump_version comes from LedgerKeys.BUMP_VERSION_LUA, prepended: gateways holding the campaign as
-- sold out must learn that a coupon is back.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('INCR', KEYS[2])
  bump_version(KEYS[3])
  return 1
end
return 0
