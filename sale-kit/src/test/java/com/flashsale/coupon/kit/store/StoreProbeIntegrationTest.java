package com.flashsale.coupon.kit.store;

import static com.flashsale.coupon.testsupport.SaleStores.FLASH100;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.kit.check.AnswerFacts;
import com.flashsale.coupon.kit.check.Expectations;
import com.flashsale.coupon.kit.check.Invariant;
import com.flashsale.coupon.kit.check.InvariantChecker;
import com.flashsale.coupon.kit.check.SaleFacts;
import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.support.StandInGateway;
import com.flashsale.coupon.testsupport.SaleStores;
import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against real MySQL and Redis, holding what the services would have left. */
class StoreProbeIntegrationTest {

    @AutoClose
    private static SaleStores stores;
    @AutoClose
    private static StoreProbe probe;

    @BeforeAll
    static void createStores() {
        stores = new SaleStores("coupon_kit", 12);
        probe = new StoreProbe(StoreSettings.fromEnvironment(stores.environment()));
    }

    @BeforeEach
    void emptySale() {
        stores.empty();
    }

    @Test
    void readsASoldOutAndPersistedSaleAndEveryInvariantHolds() {
        stores.sell(100, 100);

        assertThat(probe.counts("FLASH100")).isEqualTo(new StoreCounts(2, 100, 100, 0, 100, 0, 100, 0));
        SaleState state = probe.state("FLASH100");
        assertThat(state.holders()).hasSize(100).contains(1L, 100L);
        assertThat(state.redisIssued()).hasSize(100).containsEntry(7L, 7L);
        assertThat(state.failures()).isEmpty();
        assertThat(state.duplicateHolders()).isZero();
        assertThat(probe.redisHolds("FLASH100", 100)).isTrue();
        assertThat(probe.redisHolds("FLASH100", 101)).isFalse();

        Verdicts verdicts = new InvariantChecker().check(new SaleFacts(state, AnswerFacts.storesOnly(500), Expectations.none()));
        assertThat(verdicts.allPass()).as("%s", verdicts.lines()).isTrue();
    }

    @Test
    void aLostIssuanceAndAFailedRowAreReported() {
        stores.sell(100, 99);
        stores.execute("INSERT INTO failed_coupon_issues (coupon_id, member_id, event_id, reason)"
                + " VALUES (2, 100, 'FLASH100:1-0', 'test')");

        SaleState state = probe.state("FLASH100");
        assertThat(state.failures()).isEqualTo(Map.of(100L, "test"));
        Verdicts verdicts = new InvariantChecker().check(new SaleFacts(state, AnswerFacts.storesOnly(500), Expectations.none()));

        assertThat(verdicts.failed()).containsExactly(Invariant.I3, Invariant.I4, Invariant.I5);
        assertThat(verdicts.get(Invariant.I5).evidence()).contains("only in Redis 1 (e.g. 100)");
    }

    @Test
    void aMissingLedgerReadsAsMissing() {
        StoreCounts counts = probe.counts("FLASH100");

        assertThat(counts.stock()).isEqualTo(-1);
        assertThat(counts.ledgerQuantity()).isEqualTo(-1);
        assertThat(counts.quantity()).as("from MySQL, the seed's").isEqualTo(100);
        assertThatThrownBy(() -> probe.counts("NO_SUCH_COUPON")).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void theLedgerAloneIsReadWithoutMySql() throws IOException {
        stores.sell(30, 10);
        stores.redis().xadd(FLASH100.outbox(), Map.of("memberId", "30"));
        StoreSettings settings = StoreSettings.fromEnvironment(stores.environment());
        StoreSettings mysqlAway = new StoreSettings(settings.mysqlHost(), StandInGateway.closedPort(), settings.mysqlDatabase(),
                settings.mysqlUser(), settings.mysqlPassword(), settings.redisHost(), settings.redisPort(),
                settings.redisDatabase(), settings.redisPassword(), settings.redisClusterNodes());

        try (StoreProbe redisOnly = new StoreProbe(mysqlAway)) {
            assertThat(redisOnly.ledger("FLASH100")).isEqualTo(new LedgerCounts(100, 70, 30, 1));
            assertThatThrownBy(() -> redisOnly.counts("FLASH100")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("MySQL");
        }
        assertThat(probe.ledger("NO_SUCH_COUPON")).isEqualTo(new LedgerCounts(-1, -1, 0, 0));
    }

    @Test
    void namesTheEntriesARelayReadAndKafkaHasNotAcknowledged() {
        for (long member = 1; member <= 3; member++) {
            stores.redis().xadd(FLASH100.outbox(), Map.of(LedgerKeys.OutboxFields.MEMBER_ID, Long.toString(member)));
        }
        assertThat(probe.pendingEntries("FLASH100")).as("no relay group yet").isEmpty();
        stores.redis().xgroupCreate(XReadArgs.StreamOffset.from(FLASH100.outbox(), "0"), LedgerKeys.RELAY_GROUP);
        List<StreamMessage<String, String>> read = stores.redis().xreadgroup(Consumer.from(LedgerKeys.RELAY_GROUP, "relay"),
                XReadArgs.Builder.count(2), XReadArgs.StreamOffset.lastConsumed(FLASH100.outbox()));

        assertThat(probe.pendingEntries("FLASH100")).containsExactly(new PendingEntry(read.get(0).getId(), 1),
                new PendingEntry(read.get(1).getId(), 2));
        stores.redis().xack(FLASH100.outbox(), LedgerKeys.RELAY_GROUP, read.get(0).getId());
        assertThat(probe.pendingEntries("FLASH100")).containsExactly(new PendingEntry(read.get(1).getId(), 2));
        assertThat(probe.pendingInRelays("FLASH100")).isEqualTo(1);
    }

    @Test
    void theFingerprintChangesWithAnyWriteAndOnlyThen() {
        stores.sell(10, 10);
        StoreFingerprint before = probe.fingerprint("FLASH100");
        assertThat(before.differencesTo(probe.fingerprint("FLASH100"))).isEmpty();

        stores.redis().xadd(FLASH100.outbox(), Map.of("memberId", "11"));
        stores.insertRows(11, 11);
        stores.execute("UPDATE members SET status = 'INACTIVE' WHERE id = 3");

        assertThat(before.differencesTo(probe.fingerprint("FLASH100"))).hasSize(4)
                .anyMatch(d -> d.startsWith("FLASH100 outbox: 0 entries"))
                .anyMatch(d -> d.startsWith("coupon_issues: 10 rows"))
                .anyMatch(d -> d.startsWith("members: "))
                .anyMatch(d -> d.startsWith("redis keys: "));
    }
}
