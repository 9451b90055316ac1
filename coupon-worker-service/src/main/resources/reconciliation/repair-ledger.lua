-- Brings one coupon's ledger in line with MySQL, atomically with respect to the issue script.
-- KEYS[1] campaign hash, KEYS[2] stock, KEYS[3] issued, KEYS[4] version
-- ARGV: accepted ms, member id, ... (rows to restore)
-- Returns {members restored, stock before, stock after}; stock before is -1 when the key was missing.
-- A repair that changed anything moves the version (bump_version, from LedgerKeys.BUMP_VERSION_LUA,
-- prepended): gateways holding the campaign as sold out must ask the ledger again.
local restored = 0
for i = 1, #ARGV, 2 do
  restored = restored + redis.call('ZADD', KEYS[3], 'NX', ARGV[i], ARGV[i + 1])
end
local quantity = tonumber(redis.call('HGET', KEYS[1], 'quantity'))
local before = tonumber(redis.call('GET', KEYS[2]) or '-1')
local after = before
if quantity then
  -- stock + issued == quantity, whatever damaged either side.
  after = quantity - redis.call('ZCARD', KEYS[3])
  if after ~= before then
    redis.call('SET', KEYS[2], after)
  end
end
if restored > 0 or after ~= before then
  bump_version(KEYS[4])
end
return {restored, before, after}
