-- Lowers one campaign's quantity in the ledger, atomically with respect to the issue script, unless
-- more coupons were issued than the new quantity: between an operator's check and this step the sale
-- goes on, so only here can "never below what was issued" hold.
-- KEYS[1] campaign hash, KEYS[2] stock, KEYS[3] issued, KEYS[4] version
-- ARGV[1] name of the quantity field, ARGV[2] new quantity
-- Returns {0, stock after the change}, or {-1, issued} when more were issued than the new quantity, or
-- nil when the campaign is not in the ledger (provisioning creates it with the new quantity).
-- Lowering only takes stock away, so a gateway's copy of a sold-out campaign would stay true; the
-- version still moves (bump_version, from LedgerKeys.BUMP_VERSION_LUA, prepended), as after every
-- change of stock other than an issuance: one rule for every writer, at the cost of one re-read.
local previous = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
if previous == nil then
  return nil
end
local quantity = tonumber(ARGV[2])
local issued = redis.call('ZCARD', KEYS[3])
if issued > quantity then
  return {-1, issued}
end
redis.call('HSET', KEYS[1], ARGV[1], quantity)
local stock = redis.call('INCRBY', KEYS[2], quantity - previous)
if quantity ~= previous then
  bump_version(KEYS[4])
end
return {0, stock}
