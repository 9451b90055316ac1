-- wrk script: POST an issue request for a different member on every request, the member named either
-- by the memberId in the body or, with a tokens file, by the member's own bearer token (no memberId in
-- the body: with tokens the member is the token's).
-- Usage: wrk ... -s bench/wrk/issue.lua <url> -- <couponCode> <firstMemberId> <memberCount> <threads> [tokensFile]
-- Without <tokensFile>, thread t of n asks for members first+t, first+t+n, first+t+2n, ... so no two
-- requests of one run repeat a member until every member of the range was asked once; after that the
-- range wraps around and the requests become repeats (answered 409 COUPON-002 by the gateway).
-- <tokensFile> (sale.jar bench writes it) holds one token per line, each of a different member, and
-- replaces the member range: <firstMemberId> and <memberCount> are not read (sale.jar passes "-"), and
-- thread t of n takes tokens t, t+n, t+2n, ... of the file, wrapping around the same way.
local threads = 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

-- Thread t's next member is the (offset % count)-th of the range or of the tokens.
local function next_index()
  local index = offset % count
  offset = offset + stride
  return index
end

local function by_member_id()
  return wrk.format("POST", path, headers, body_prefix .. (first + next_index()) .. "}")
end

local function by_token()
  headers["Authorization"] = tokens[next_index() + 1]
  return wrk.format("POST", path, headers, body)
end

function init(args)
  local coupon = args[1] or "FLASH100"
  stride = tonumber(args[4] or "1")
  offset = thread_index
  headers = { ["Content-Type"] = "application/json" }
  -- wrk.path carries the URL's path, so the same script drives the issue and the constant endpoint.
  path = wrk.path
  if args[5] then
    tokens = {}
    for line in io.lines(args[5]) do
      if line ~= "" then
        tokens[#tokens + 1] = "Bearer " .. line
      end
    end
    count = #tokens
    assert(count > 0, "no token in " .. args[5])
    -- The same body on every request: only the header changes.
    body = '{"couponCode":"' .. coupon .. '"}'
    request = by_token
  else
    first = tonumber(args[2] or "1")
    count = tonumber(args[3] or "500")
    body_prefix = '{"couponCode":"' .. coupon .. '","memberId":'
    request = by_member_id
  end
end

-- wrk calls the global request() for every request; init picks which one for its thread. It is defined
-- here already because wrk decides from the loaded script whether requests vary.
request = by_member_id
