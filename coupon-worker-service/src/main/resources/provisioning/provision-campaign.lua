-- Provisions one campaign into the ledger, atomically with respect to the gateway's issuance script.
-- KEYS[1] campaign hash, KEYS[2] stock, KEYS[3] issued (sorted set of member ids), KEYS[4] version
-- ARGV[1] name of the quantity field, ARGV[2] new quantity,
-- ARGV[3..] field/value pairs of the campaign hash (the field names come from LedgerKeys.CampaignFields)
-- Returns the stock after provisioning.
--
-- The stock is never reset once a campaign has sold: it is only created when missing (quantity minus
-- what was already issued) or shifted by the change of quantity. Lowering the quantity below what was
-- already issued leaves a negative stock on purpose: it keeps stock + issued == quantity, so a later
-- raise cannot sell more than the new quantity.
--
-- The version moves (bump_version, from LedgerKeys.BUMP_VERSION_LUA, prepended) when the stock or any
-- field changed, or when there is none yet; an unchanged periodic pass leaves it alone, so gateways
-- keep what they know about a sold-out campaign.
local quantity = tonumber(ARGV[2])
local previousQuantity = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
local changed = false
local stock
if redis.call('EXISTS', KEYS[2]) == 0 then
    stock = quantity - redis.call('ZCARD', KEYS[3])
    redis.call('SET', KEYS[2], stock)
    changed = true
elseif previousQuantity ~= nil and previousQuantity ~= quantity then
    stock = redis.call('INCRBY', KEYS[2], quantity - previousQuantity)
    changed = true
else
    stock = tonumber(redis.call('GET', KEYS[2]))
end
for i = 3, #ARGV, 2 do
    if redis.call('HGET', KEYS[1], ARGV[i]) ~= ARGV[i + 1] then
        changed = true
    end
end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
if changed or redis.call('EXISTS', KEYS[4]) == 0 then
    bump_version(KEYS[4])
end
return stock
