-- Acknowledges relayed entries and removes them from the stream in one step, so the stream only
-- ever holds what Kafka has not acknowledged yet (its length is the relay backlog).
-- KEYS[1] outbox stream; ARGV[1] consumer group; ARGV[2..n] entry ids
-- Both commands take many ids at once: one call per thousand ids costs Redis half of one per id.
local acked = 0
local last = #ARGV
for first = 2, last, 1000 do
  local upto = math.min(first + 999, last)
  acked = acked + redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, first, upto))
  redis.call('XDEL', KEYS[1], unpack(ARGV, first, upto))
end
return acked
