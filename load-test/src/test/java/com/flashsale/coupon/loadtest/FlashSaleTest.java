package com.flashsale.coupon.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner against an in-process gateway on loopback that decides like the real one. */
class FlashSaleTest {

    private static final Pattern MEMBER = Pattern.compile("\"memberId\":(\\d+)");

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void everyMemberAsksOnceAndTheAnswersAreCountedByOutcome() throws Exception {
        Gateway gateway = start(100, false);

        FlashSale.Result result = fire(500);

        assertThat(result.answers()).hasSize(500);
        assertThat(result.answers()).extracting(Answer::memberId).doesNotHaveDuplicates()
                .allMatch(id -> id >= 1 && id <= 500);
        assertThat(gateway.requests()).hasValue(500);
        Outcomes outcomes = Outcomes.of(result.answers());
        assertThat(outcomes.count(Outcomes.ISSUED)).isEqualTo(100);
        assertThat(outcomes.count(Outcomes.SOLD_OUT)).isEqualTo(400);
        assertThat(outcomes.checks(100, 500)).allMatch(Check::ok);
    }

    @Test
    void requestsAreReleasedTogetherRatherThanOneAfterAnother() throws Exception {
        // The gateway holds every request until 50 are in flight at once: a runner that sent them one
        // after another would never get there and its requests would time out.
        Gateway gateway = start(100, false);
        gateway.holdUntilInFlight(50);

        FlashSale.Result result = fire(50);

        assertThat(Outcomes.of(result.answers()).count(Outcomes.ISSUED)).isEqualTo(50);
    }

    @Test
    void anOversellingGatewayFailsTheVerdict() throws Exception {
        start(100, true);

        FlashSale.Result result = fire(500);

        assertThat(Outcomes.of(result.answers()).checks(100, 500)).anyMatch(c -> !c.ok());
    }

    @Test
    void aGatewayThatIsDownGivesAnswersWithoutStatusAndFailsTheVerdict() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        FlashSale.Result result = new FlashSale(new ServiceClient(LocalTarget.of("http://127.0.0.1:" + closedPort), ""),
                "FLASH100", 20).fire();

        assertThat(result.answers()).allMatch(a -> a.status() == Answer.NO_ANSWER);
        assertThat(Outcomes.of(result.answers()).checks(100, 20)).anyMatch(c -> !c.ok());
    }

    private FlashSale.Result fire(int members) throws InterruptedException {
        LocalTarget target = LocalTarget.of("http://127.0.0.1:" + server.getAddress().getPort());
        return new FlashSale(new ServiceClient(target, ""), "FLASH100", members).fire();
    }

    private Gateway start(int stock, boolean oversell) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1_000);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Gateway gateway = new Gateway(new AtomicInteger(stock), ConcurrentHashMap.newKeySet(), new AtomicInteger(),
                new AtomicReference<>(new CountDownLatch(0)), oversell);
        server.createContext("/api/v1/coupons/issue", gateway::handle);
        server.start();
        return gateway;
    }

    /** A stand-in for the Lua decision: duplicate, sold out, or issued. */
    private record Gateway(AtomicInteger stock, Set<Long> issued, AtomicInteger requests,
            AtomicReference<CountDownLatch> hold, boolean oversell) {

        void holdUntilInFlight(int count) {
            hold.set(new CountDownLatch(count));
        }

        void handle(HttpExchange exchange) throws IOException {
            requests.incrementAndGet();
            try {
                hold.get().countDown();
                if (!hold.get().await(10, TimeUnit.SECONDS)) {
                    answer(exchange, 504, "{\"success\":false,\"error\":{\"code\":\"NOT-TOGETHER\"}}");
                    return;
                }
                Matcher member = MEMBER.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                long memberId = member.find() ? Long.parseLong(member.group(1)) : -1;
                if (!issued.add(memberId)) {
                    answer(exchange, 409, "{\"success\":false,\"error\":{\"code\":\"COUPON-002\"}}");
                } else if (stock.getAndDecrement() <= 0 && !oversell) {
                    issued.remove(memberId);
                    answer(exchange, 409, "{\"success\":false,\"error\":{\"code\":\"COUPON-003\"}}");
                } else {
                    answer(exchange, 200, "{\"success\":true,\"data\":{\"memberId\":" + memberId + "}}");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }
}
