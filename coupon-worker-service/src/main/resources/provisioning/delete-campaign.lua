-- Deletes one coupon's ledger (campaign, stock, issued set, outbox) for a sale reset, and moves its
-- version (bump_version, from LedgerKeys.BUMP_VERSION_LUA, prepended) in the same step: the version
-- itself is kept, so gateways holding the campaign as sold out learn of the reset.
-- KEYS[1] campaign, KEYS[2] stock, KEYS[3] issued, KEYS[4] outbox, KEYS[5] version
-- Returns the number of keys deleted.
local deleted = redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
if deleted > 0 then
  bump_version(KEYS[5])
end
return deleted
