package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.testsupport.TestServers;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redis stalls mid-sale: {@code CLIENT PAUSE <ms> WRITE} holds every write, the issue script
 * included, for longer than the gateway's command timeout, then lets them all run. The gateway
 * answers 503 after its timeout while the scripts it sent are still queued; those that then run
 * issue a coupon. That is what a 503 means (the outcome is not known, a retry answers COUPON-002),
 * and the ledger must stay whole: I1-I5 hold, and such members are counted in the report.
 */
final class RedisStall implements Fault {

    private long stockAtPause = -1;
    private long pausedAt;
    private long resumedAt;

    @Override
    public void inject(ChaosRun run) throws Exception {
        TestServers.Endpoints servers = run.system().environment().servers();
        long pause = run.scale().redisPause().toMillis();
        RedisClient client = RedisClient.create(RedisURI.create(servers.redisHost(), servers.redisPort()));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            stockAtPause = run.ledger().stock();
            pausedAt = System.nanoTime();
            // Lettuce's clientPause has no WRITE mode; reads (member checks, the test's own) keep going.
            connection.sync().dispatch(CommandType.CLIENT, new StatusOutput<>(StringCodec.UTF8),
                    new CommandArgs<>(StringCodec.UTF8).add("PAUSE").add(pause).add("WRITE"));
            // The stall itself is the fault: held for its set time.
            Thread.sleep(pause);
            resumedAt = System.nanoTime();
        } finally {
            client.shutdown();
        }
    }

    @Override
    public void verify(ChaosRun run) {
        assertThat(stockAtPause).as("stock when Redis was paused").isBetween(1L, run.scale().quantity() - 1L);
        assertThat(run.log().sentBetween(Outcome.UNAVAILABLE, pausedAt, resumedAt))
                .as("requests answered 503 while Redis was paused").isPositive();
    }

    @Override
    public String note(ChaosRun run) {
        Set<Long> holders = run.probe().state(ChaosRun.COUPON).holders();
        long toldUnavailable = run.log().sentBetween(Outcome.UNAVAILABLE, pausedAt, resumedAt);
        long issuedAfter503 = 0;
        for (Map.Entry<Long, List<Answer>> member : run.log().byMember().entrySet()) {
            boolean told503 = member.getValue().stream().anyMatch(a -> a.outcome() == Outcome.UNAVAILABLE);
            boolean toldYes = member.getValue().stream().anyMatch(a -> a.outcome() == Outcome.ISSUED);
            if (told503 && !toldYes && holders.contains(member.getKey())) {
                issuedAfter503++;
            }
        }
        return "CLIENT PAUSE %d ms WRITE at stock %d of %d; %d requests answered 503 meanwhile; %d members told 503 and never yes hold a coupon (their queued script ran after the pause)"
                .formatted(run.scale().redisPause().toMillis(), stockAtPause, run.scale().quantity(), toldUnavailable,
                        issuedAfter503);
    }
}
