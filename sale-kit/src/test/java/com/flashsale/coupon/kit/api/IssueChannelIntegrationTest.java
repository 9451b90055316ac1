package com.flashsale.coupon.kit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.kit.support.RawServer;
import com.flashsale.coupon.kit.support.StandInGateway;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What each way a request can end becomes, against servers on loopback that end it that way. */
class IssueChannelIntegrationTest {

    private static final Timeouts QUICK = new Timeouts(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(5));
    private static final String SOLD_OUT = "{\"success\":false,\"error\":{\"code\":\"COUPON-003\",\"message\":\"Sold out.\"}}";

    @Test
    void aRefusedConnectionSentNothing() throws IOException {
        try (IssueChannel channel = channel(StandInGateway.closedPort(), Credentials.none())) {
            Answer answer = channel.ask(0, "FLASH100", 1, System.nanoTime());

            assertThat(answer.outcome()).isEqualTo(Outcome.NOT_CONNECTED);
            assertThat(answer.answered()).isFalse();
            assertThat(answer.key()).isEqualTo("no answer (ConnectException)");
        }
    }

    @Test
    void aConnectionCutAfterSendingLeavesTheOutcomeUnknown() throws IOException {
        try (RawServer server = RawServer.start((conversation, connection) -> conversation.readRequest());
                IssueChannel channel = channel(server.port(), Credentials.none())) {
            assertThat(channel.ask(0, "FLASH100", 1, System.nanoTime()).outcome()).isEqualTo(Outcome.UNKNOWN);
        }
    }

    @Test
    void noAnswerInTimeIsUnknownToo() throws IOException {
        CountDownLatch done = new CountDownLatch(1);
        try (RawServer server = RawServer.start((conversation, connection) -> {
            conversation.readRequest();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }); IssueChannel channel = channel(server.port(), Credentials.none())) {
            Answer answer = channel.ask(0, "FLASH100", 1, System.nanoTime());
            done.countDown();

            assertThat(answer.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(answer.detail()).startsWith("timeout");
            assertThat(answer.latencyNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
        }
    }

    @Test
    void readsStatusAndErrorCodeOfEveryAnswerShape() throws IOException {
        List<String> bodies = List.of("{\"success\":true}", SOLD_OUT,
                "{\"success\":false,\"error\":{\"code\":\"COMMON-002\",\"message\":\"try again\"}}", "<html>oops</html>");
        int[] statuses = { 200, 409, 503, 500 };
        try (RawServer server = RawServer.start((conversation, connection) -> {
            for (int i = 0; i < bodies.size() && conversation.readRequest(); i++) {
                if (i == 1) {
                    conversation.answerChunked(statuses[i], bodies.get(i));
                } else {
                    conversation.answer(statuses[i], bodies.get(i));
                }
            }
        }); IssueChannel channel = channel(server.port(), Credentials.none())) {
            assertThat(channel.ask(0, "FLASH100", 1, System.nanoTime()).outcome()).isEqualTo(Outcome.ISSUED);
            Answer soldOut = channel.ask(0, "FLASH100", 2, System.nanoTime());
            assertThat(soldOut.outcome()).isEqualTo(Outcome.SOLD_OUT);
            assertThat(soldOut.key()).isEqualTo("409 COUPON-003");
            assertThat(channel.ask(0, "FLASH100", 3, System.nanoTime()).outcome()).isEqualTo(Outcome.UNAVAILABLE);
            assertThat(channel.ask(0, "FLASH100", 4, System.nanoTime()).outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(server.connections()).as("one keep-alive connection for all four").isEqualTo(1);
        }
    }

    /** As Tomcat does after 100 requests; here after two. */
    @Test
    void opensANewConnectionWhenTheServerSaidItClosedTheLastOne() throws IOException {
        try (RawServer server = RawServer.start((conversation, connection) -> {
            for (int answered = 1; answered <= 2 && conversation.readRequest(); answered++) {
                conversation.answer(200, "{\"ok\":true}", answered == 2 ? "Connection: close" : "X-Keep: 1");
            }
        }); IssueChannel channel = channel(server.port(), Credentials.none())) {
            for (int member = 1; member <= 5; member++) {
                assertThat(channel.ask(0, "FLASH100", member, System.nanoTime()).outcome()).isEqualTo(Outcome.ISSUED);
            }
            assertThat(server.connections()).isEqualTo(3);
        }
    }

    /**
     * A server may close an idle keep-alive connection without a word (the JDK's own HTTP server does
     * past its idle limit). Sent on it, a request would be lost with an unknown outcome; probed
     * first, the connection is replaced and the request gets its answer.
     */
    @Test
    void replacesAnIdleConnectionTheServerClosedSilently() throws Exception {
        try (RawServer server = RawServer.start((conversation, connection) -> {
            if (connection == 1) {
                // Answers once, then closes: no "Connection: close", as an idle limit would.
                if (conversation.readRequest()) {
                    conversation.answer(200, "{\"success\":true}");
                }
                return;
            }
            while (conversation.readRequest()) {
                conversation.answer(200, "{\"success\":true}");
            }
        }); IssueChannel channel = new IssueChannel(List.of(LocalTarget.port(server.port())), Credentials.none(), QUICK,
                Duration.ZERO)) {
            assertThat(channel.ask(0, "FLASH100", 1, System.nanoTime()).outcome()).isEqualTo(Outcome.ISSUED);

            // The close reaches this side when the kernel delivers it: until then the probe rightly keeps the connection.
            await("the silently closed connection replaced").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        channel.connect(0);
                        return server.connections() == 2;
                    });
            Answer second = channel.ask(0, "FLASH100", 2, System.nanoTime());

            assertThat(second.outcome()).as(second.toString()).isEqualTo(Outcome.ISSUED);
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void everyRequestCarriesItsMembersCredentials() throws IOException {
        Credentials bearer = new Credentials() {
            @Override
            public Map<String, String> member(long memberId) {
                return Map.of("Authorization", "Bearer token-of-" + memberId);
            }

            @Override
            public Map<String, String> operator() {
                return Map.of("Authorization", "Bearer operator");
            }
        };
        try (StandInGateway gateway = StandInGateway.withStock(10); IssueChannel channel = channel(gateway.port(), bearer)) {
            channel.ask(0, "FLASH100", 7, System.nanoTime());
            channel.ask(0, "FLASH100", 8, System.nanoTime());

            assertThat(gateway.headers()).extracting(h -> h.get("authorization"))
                    .containsExactly("Bearer token-of-7", "Bearer token-of-8");
            assertThat(gateway.headers().getFirst()).containsEntry("content-type", "application/json");
        }
    }

    private static IssueChannel channel(int port, Credentials credentials) {
        return new IssueChannel(List.of(LocalTarget.port(port)), credentials, QUICK, IssueChannel.IDLE_CHECK);
    }
}
