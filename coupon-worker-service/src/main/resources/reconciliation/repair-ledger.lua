-- Brings one coupon's ledger in line with MySQL, atomically with respect to the issue script.
-- KEYS[1] campaign hash, KEYS[2] stock, KEYS[3] issued; ARGV: accepted ms, member id, ... (rows to restore)
-- Returns {members restored, stock before, stock after}; stock before is -1 when the key was missing.
local restored = 0
for i = 1, #ARGV, 2 do
  restored = restored + redis.call('ZADD', KEYS[3], 'NX', ARGV[i], ARGV[i + 1])
end
local quantity = tonumber(redis.call('HGET', KEYS[1], 'quantity'))
local before = tonumber(redis.call('GET', KEYS[2]) or '-1')
if not quantity then
  return {restored, before, before}
end
-- stock + issued == quantity, whatever damaged either side.
local after = quantity - redis.call('ZCARD', KEYS[3])
if after ~= before then
  redis.call('SET', KEYS[2], after)
end
return {restored, before, after}
