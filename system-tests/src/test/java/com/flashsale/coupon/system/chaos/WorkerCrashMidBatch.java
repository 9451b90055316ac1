package com.flashsale.coupon.system.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.system.SaleEnvironment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * kill -9 of the worker while a batch is half way into MySQL, then a restart. To be sure the kill
 * lands mid-batch, the drill holds {@code LOCK TABLES coupon_issues WRITE} until the worker's insert
 * is seen waiting behind it, kills the worker, and only then releases the lock: the worker had
 * polled the records and not committed their offsets, so its successor gets them again.
 */
final class WorkerCrashMidBatch implements Fault {

    private long stockAtKill = -1;
    private boolean caughtMidBatch;
    private long killedAt;
    private long backAt;

    @Override
    public void inject(ChaosRun run) throws Exception {
        SaleEnvironment environment = run.system().environment();
        try (Connection connection = environment.connect(); Statement lock = connection.createStatement()) {
            lock.execute("LOCK TABLES coupon_issues WRITE");
            try {
                await("an insert of the worker waiting behind the table lock").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> blockedInserts(environment) > 0);
                caughtMidBatch = true;
                // Redis alone: any read of coupon_issues would wait behind the lock this drill holds.
                stockAtKill = run.ledger().stock();
                killedAt = System.nanoTime();
                run.system().worker().kill();
            } finally {
                lock.execute("UNLOCK TABLES");
            }
        }
        run.system().worker().restart();
        backAt = System.nanoTime();
    }

    /** The server's own view of who waits (not the sale's state, which the kit's probe reads). */
    private static long blockedInserts(SaleEnvironment environment) throws SQLException {
        try (Connection connection = environment.connect();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                        + " WHERE DB = ? AND INFO LIKE 'INSERT INTO coupon_issues%'")) {
            query.setString(1, environment.database());
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    @Override
    public void verify(ChaosRun run) {
        assertThat(caughtMidBatch).as("the worker was killed with an insert in flight").isTrue();
        assertThat(stockAtKill).as("stock when the worker was killed").isLessThan(run.scale().quantity());
    }

    @Override
    public String note(ChaosRun run) {
        return "worker killed (kill -9) with a batch insert waiting on LOCK TABLES, at stock %d of %d; restarted after %s"
                .formatted(stockAtKill, run.scale().quantity(), ChaosRun.seconds(backAt - killedAt));
    }
}
