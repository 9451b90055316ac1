-- wrk script: POST an issue request for a different member on every request.
-- Usage: wrk ... -s bench/wrk/issue.lua <url> -- <couponCode> <firstMemberId> <memberCount> <threads>
-- Thread t of n asks for members first+t, first+t+n, first+t+2n, ... so no two requests of one run
-- repeat a member until every member of the range was asked once; after that the range wraps around
-- and the requests become repeats (answered 409 COUPON-002 by the gateway).
local threads = 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

function init(args)
  coupon = args[1] or "FLASH100"
  first = tonumber(args[2] or "1")
  count = tonumber(args[3] or "500")
  stride = tonumber(args[4] or "1")
  offset = thread_index
  headers = { ["Content-Type"] = "application/json" }
  -- wrk.path carries the URL's path, so the same script drives the issue and the constant endpoint.
  path = wrk.path
end

function request()
  local member = first + (offset % count)
  offset = offset + stride
  local body = '{"couponCode":"' .. coupon .. '","memberId":' .. member .. '}'
  return wrk.format("POST", path, headers, body)
end
