-- Provisions one campaign into the ledger, atomically with respect to the gateway's issuance script.
-- KEYS[1] campaign hash, KEYS[2] stock, KEYS[3] issued (sorted set of member ids)
-- ARGV[1] name of the quantity field, ARGV[2] new quantity,
-- ARGV[3..] field/value pairs of the campaign hash (the field names come from LedgerKeys.CampaignFields)
-- Returns the stock after provisioning.
--
-- The stock is never reset once a campaign has sold: it is only created when missing (quantity minus
-- what was already issued) or shifted by the change of quantity. Lowering the quantity below what was
-- already issued leaves a negative stock on purpose: it keeps stock + issued == quantity, so a later
-- raise cannot sell more than the new quantity.
local quantity = tonumber(ARGV[2])
local previousQuantity = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
local stock
if redis.call('EXISTS', KEYS[2]) == 0 then
    stock = quantity - redis.call('ZCARD', KEYS[3])
    redis.call('SET', KEYS[2], stock)
elseif previousQuantity ~= nil and previousQuantity ~= quantity then
    stock = redis.call('INCRBY', KEYS[2], quantity - previousQuantity)
else
    stock = tonumber(redis.call('GET', KEYS[2]))
end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
return stock
