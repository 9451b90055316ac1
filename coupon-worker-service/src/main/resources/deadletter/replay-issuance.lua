-- Re-drives one failed issuance in the ledger, atomically with respect to the issue script: the member
-- gets the coupon again only if the campaign is active, the member holds none of it, and stock is left.
-- The member is recorded with the original acceptance time: it is the same acceptance, given back, so
-- compensation and reconciliation keep matching it. The time window is not checked: the acceptance
-- was made inside it.
-- KEYS[1] campaign hash, KEYS[2] stock, KEYS[3] issued (zset member -> accepted ms), KEYS[4] version
-- ARGV[1] member id, ARGV[2] accepted ms
-- Returns 1 reserved (stock taken, member recorded), 0 the ledger already holds this very acceptance,
-- -1 campaign not in the ledger, -2 campaign not active, -3 member holds another acceptance, -4 sold out.
-- A reservation moves the version (bump_version, from LedgerKeys.BUMP_VERSION_LUA, prepended): it is a
-- change of stock and holders other than an issuance.
local status = redis.call('HGET', KEYS[1], 'status')
if not status then
  return -1
end
if status ~= 'ACTIVE' then
  return -2
end
local score = redis.call('ZSCORE', KEYS[3], ARGV[1])
if score then
  if tonumber(score) == tonumber(ARGV[2]) then
    return 0
  end
  return -3
end
if tonumber(redis.call('GET', KEYS[2]) or '0') <= 0 then
  return -4
end
redis.call('DECR', KEYS[2])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
bump_version(KEYS[4])
return 1
