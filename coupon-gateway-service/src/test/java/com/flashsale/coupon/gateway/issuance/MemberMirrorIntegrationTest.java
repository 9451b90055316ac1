package com.flashsale.coupon.gateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.redis.RedisConnections;
import com.flashsale.coupon.gateway.redis.RedisSchedulerConfig;
import com.flashsale.coupon.gateway.support.TrustedGatewayTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.TaskScheduler;

/** The in-memory mirror of active members: what it saves, when it re-reads, and the one staleness it allows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"coupon.relay.enabled=false", "coupon.members.mirror-refresh=200ms"})
class MemberMirrorIntegrationTest extends TrustedGatewayTest {

    @Autowired
    MemberDirectory directory;

    @Autowired
    RedisConnections connections;

    @Autowired
    @Qualifier(RedisSchedulerConfig.SCHEDULER)
    TaskScheduler scheduler;

    /** Meters of the mirrors a test builds itself, apart from the application's. */
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void provision() {
        // The previous test's mirror knows member 50 too: wait until it is forgotten (no version, no mirror),
        // so the mirror a test starts with is the one read from this test's members.
        ledger.reset();
        await().atMost(Duration.ofSeconds(5)).until(() -> !directory.knownActive(50));
        ledger.openCampaign("FLASH100", 2, 100).members(1, 50, "ACTIVE");
        await().atMost(Duration.ofSeconds(5)).until(() -> directory.knownActive(50));
    }

    @Test
    void issuesToMemberProvisionedAfterTheMirrorWasRead() {
        ledger.members(700, 700, "ACTIVE");

        assertThat(directory.knownActive(700)).isFalse();
        assertThat(api.replyToIssue("FLASH100", 700).status()).isEqualTo(200);
    }

    @Test
    void refusesInactiveMemberWhateverTheMirrorHolds() {
        ledger.members(800, 800, "INACTIVE");

        assertThat(api.replyToIssue("FLASH100", 800).code()).isEqualTo("MEMBER-002");
    }

    @Test
    void forgetsADeactivatedMemberOnceTheVersionChanges() {
        ledger.members(9, 9, "INACTIVE");

        await().atMost(Duration.ofSeconds(5)).until(() -> !directory.knownActive(9));
        assertThat(api.replyToIssue("FLASH100", 9).code()).isEqualTo("MEMBER-002");
    }

    @Test
    void answersActiveMembersWithoutReadingTheirStatusFromRedis() {
        // The mirror holds member 7 until the version says the hash changed: the staleness it trades for a round trip.
        ledger.redis.hdel(LedgerKeys.MEMBERS, "7");

        assertThat(api.replyToIssue("FLASH100", 7).status()).isEqualTo(200);
        ledger.changeMembersVersion();
        await().atMost(Duration.ofSeconds(5)).until(() -> !directory.knownActive(7));
        assertThat(api.replyToIssue("FLASH100", 7).code()).isEqualTo("MEMBER-001");
    }

    @Test
    void reReadsTheMembersOnlyWhenTheirVersionChanges() {
        MemberDirectory mirror = new MemberDirectory(connections, new MemberSettings(Duration.ZERO), meters, scheduler);
        mirror.refresh();
        double reloads = meters.counter("coupon.members.mirror.reloads").count();
        ledger.redis.hset(LedgerKeys.MEMBERS, "900", "ACTIVE");

        mirror.refresh();
        mirror.refresh();
        assertThat(mirror.knownActive(900)).isFalse();
        assertThat(meters.counter("coupon.members.mirror.reloads").count()).isEqualTo(reloads);

        ledger.changeMembersVersion();
        mirror.refresh();
        assertThat(mirror.knownActive(900)).isTrue();
        assertThat(meters.counter("coupon.members.mirror.reloads").count()).isEqualTo(reloads + 1);
    }

    @Test
    void dropsTheMirrorWhileTheMembersHaveNoVersion() {
        MemberDirectory mirror = new MemberDirectory(connections, new MemberSettings(Duration.ZERO), meters, scheduler);
        mirror.refresh();
        assertThat(mirror.knownActive(5)).isTrue();

        ledger.redis.del(LedgerKeys.MEMBERS_VERSION);
        mirror.refresh();

        assertThat(mirror.knownActive(5)).isFalse();
        assertThat(api.replyToIssue("FLASH100", 5).status()).isEqualTo(200);
    }
}
