-- Reads what a gateway needs to answer a sold-out campaign's requests without Redis, in one atomic
-- step with the coupon's ledger version (the contract in LedgerKeys): every key shares the hash tag.
-- KEYS[1] campaign hash, KEYS[2] stock, KEYS[3] issued (zset), KEYS[4] version
-- ARGV[1] most holders the gateway keeps, ARGV[2] holders returned by this call (the first page)
-- Returns {kind, ...}:
--   {0}            nothing to keep: no campaign, or no version (a copy must not be trusted)
--   {1}            stock is left: the campaign is not sold out (any more)
--   {2, holders}   more holders than the gateway keeps
--   {3, version, status, startsAt, endsAt, holders, the first page of member ids...}
-- The campaign fields are those issue.lua checks, a missing one as ''. The stock test is issue.lua's.
local version = redis.call('GET', KEYS[4])
local campaign = redis.call('HMGET', KEYS[1], 'id', 'status', 'startsAt', 'endsAt')
if not version or not campaign[1] then
  return {0}
end
if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then
  return {1}
end
local holders = redis.call('ZCARD', KEYS[3])
if holders > tonumber(ARGV[1]) then
  return {2, holders}
end
local result = {3, version, campaign[2] or '', campaign[3] or '', campaign[4] or '', holders}
local page = redis.call('ZRANGE', KEYS[3], 0, tonumber(ARGV[2]) - 1)
for i = 1, #page do
  result[#result + 1] = page[i]
end
return result
