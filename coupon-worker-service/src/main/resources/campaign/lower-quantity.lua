-- Lowers one campaign's quantity in the ledger, atomically with respect to the issue script, unless
-- more coupons were issued than the new quantity: between an operator's check and this step the sale
-- goes on, so only here can "never below what was issued" hold.
-- KEYS[1] campaign hash, KEYS[2] stock, KEYS[3] issued; ARGV[1] name of the quantity field, ARGV[2] new quantity
-- Returns {0, stock after the change}, or {-1, issued} when more were issued than the new quantity, or
-- nil when the campaign is not in the ledger (provisioning creates it with the new quantity).
-- Lowering only takes stock away, so what a reader knows about a sold-out campaign stays true.
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
return {0, redis.call('INCRBY', KEYS[2], quantity - previous)}
