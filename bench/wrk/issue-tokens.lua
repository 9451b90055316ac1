-- wrk script: POST an issue request with each member's own bearer token, no memberId in the body
-- (with tokens the member is the token's).
-- Usage: wrk ... -s bench/wrk/issue-tokens.lua <url> -- <couponCode> <tokensFile> <threads>   (sale.jar bench writes the file)
-- <tokensFile> holds one token per line, each of a different member. Thread t of n takes tokens
-- t, t+n, t+2n, ... and wraps around when it reaches the end, as issue.lua does with member ids.
local threads = 0

function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

function init(args)
  coupon = args[1] or "FLASH100"
  tokens = {}
  for line in io.lines(args[2] or "tokens.txt") do
    if line ~= "" then
      tokens[#tokens + 1] = "Bearer " .. line
    end
  end
  stride = tonumber(args[3] or "1")
  offset = thread_index
  body = '{"couponCode":"' .. coupon .. '"}'
  headers = { ["Content-Type"] = "application/json" }
  path = wrk.path
end

function request()
  headers["Authorization"] = tokens[(offset % #tokens) + 1]
  offset = offset + stride
  return wrk.format("POST", path, headers, body)
end
