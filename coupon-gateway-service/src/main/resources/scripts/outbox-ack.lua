-- Acknowledges relayed entries and removes them from the stream in one step, so the stream only
-- ever holds what Kafka has not acknowledged yet (its length is the relay backlog).
-- KEYS[1] outbox stream; ARGV[1] consumer group; ARGV[2..n] entry ids
local acked = 0
for i = 2, #ARGV do
  acked = acked + redis.call('XACK', KEYS[1], ARGV[1], ARGV[i])
  redis.call('XDEL', KEYS[1], ARGV[i])
end
return acked
