package com.flashsale.coupon.kit.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.support.StandInGateway;
import java.io.IOException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The burst against a gateway on loopback that decides like the real one. */
class BurstIntegrationTest {

    @AutoClose
    private StandInGateway gateway;

    /**
     * Every one of the 500 requests must reach the gateway, on a busy machine too: each on its own
     * connection, opened before the release (see {@link Burst} for the request that went missing).
     */
    @Test
    void everyMemberAsksOnceAndTheAnswersAreCountedByOutcome() throws Exception {
        gateway = StandInGateway.withStock(100);

        LoadResult result = fire(500);

        assertThat(gateway.requests()).isEqualTo(500);
        assertThat(gateway.connections()).as("a connection of its own per member").isEqualTo(500);
        assertThat(result.log().all()).hasSize(500).extracting(Answer::memberId).doesNotHaveDuplicates()
                .allMatch(id -> id >= 1 && id <= 500);
        assertThat(result.count(Outcome.ISSUED)).isEqualTo(100);
        assertThat(result.count(Outcome.SOLD_OUT)).isEqualTo(400);
        assertThat(result.log().all()).allMatch(a -> a.dueAt() == result.startedAt(), "due at the release");
    }

    @Test
    void requestsAreReleasedTogetherRatherThanOneAfterAnother() throws Exception {
        // The gateway holds every request until 50 are in flight at once: a runner that sent them one
        // after another would never get there and its requests would time out.
        gateway = StandInGateway.withStock(100).holdUntilInFlight(50);

        LoadResult result = fire(50);

        assertThat(result.count(Outcome.ISSUED)).isEqualTo(50);
    }

    @Test
    void anOversellingGatewayShowsInTheAnswers() throws Exception {
        gateway = StandInGateway.withStock(100).oversell();

        LoadResult result = fire(500);

        assertThat(result.count(Outcome.ISSUED)).isEqualTo(500);
    }

    @Test
    void oneMemberAskingFiftyTimesAtOnceIsTheSameRequestFiftyTimes() throws Exception {
        gateway = StandInGateway.withStock(100);
        long[] sameMember = new long[50];
        java.util.Arrays.fill(sameMember, 77);

        try (SaleClient client = StandInGateway.clientOf(gateway.port())) {
            LoadResult result = Burst.of(client, "FLASH100", sameMember).fire();

            assertThat(result.count(Outcome.ISSUED)).isEqualTo(1);
            assertThat(result.count(Outcome.DUPLICATE)).isEqualTo(49);
        }
    }

    @Test
    void aGatewayThatIsDownGivesAnswersWithoutStatus() throws Exception {
        try (SaleClient client = StandInGateway.clientOf(StandInGateway.closedPort())) {
            LoadResult result = Burst.ofMembers(client, "FLASH100", 1, 20).fire();

            assertThat(result.log().all()).hasSize(20).allMatch(a -> a.outcome() == Outcome.NOT_CONNECTED && !a.answered());
        }
    }

    private LoadResult fire(int members) throws InterruptedException, IOException {
        try (SaleClient client = StandInGateway.clientOf(gateway.port())) {
            return Burst.ofMembers(client, "FLASH100", 1, members).fire();
        }
    }
}
