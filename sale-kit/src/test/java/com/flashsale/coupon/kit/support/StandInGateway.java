package com.flashsale.coupon.kit.support;

import com.flashsale.coupon.kit.api.Credentials;
import com.flashsale.coupon.kit.api.LocalTarget;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.Services;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway on loopback that decides like the real one (duplicate, sold out, or issued, in that
 * order) and counts what reached it: requests, and the connections they came on.
 */
public final class StandInGateway implements AutoCloseable {

    private static final Pattern MEMBER = Pattern.compile("\"memberId\":(\\d+)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger stock;
    private final Set<Long> issued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
    private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
    private final AtomicReference<CountDownLatch> hold = new AtomicReference<>(new CountDownLatch(0));
    private volatile boolean oversell;
    private volatile Duration delay = Duration.ZERO;

    private StandInGateway(int stock) throws IOException {
        this.stock = new AtomicInteger(stock);
        // A backlog far above any burst a test fires: connections wait in it, none is refused.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 6_000);
        server.setExecutor(executor);
        server.createContext("/api/v1/coupons/issue", this::issue);
        server.start();
    }

    public static StandInGateway withStock(int stock) throws IOException {
        return new StandInGateway(stock);
    }

    /** A port on loopback nothing listens on. */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A client of the gateway on this port, and of no worker: the load tests need none. */
    public static SaleClient clientOf(int gatewayPort) throws IOException {
        return new SaleClient(Services.of(LocalTarget.port(gatewayPort), LocalTarget.port(closedPort())),
                Credentials.none());
    }

    /** Every request is held until {@code count} are in flight at once (504 after 10 s otherwise). */
    public StandInGateway holdUntilInFlight(int count) {
        hold.set(new CountDownLatch(count));
        return this;
    }

    /** Issues past the stock: a broken gateway. */
    public StandInGateway oversell() {
        oversell = true;
        return this;
    }

    /** Every answer takes this long: a slow gateway. */
    public StandInGateway delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Another path, answered by {@code handler} (operator endpoints, actuator). */
    public StandInGateway route(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    public int requests() {
        return requests.get();
    }

    public int connections() {
        return connections.size();
    }

    public Set<Long> issued() {
        return Set.copyOf(issued);
    }

    /** The headers of every issue request, lower-cased names, in arrival order. */
    public List<Map<String, String>> headers() {
        return List.copyOf(headers);
    }

    private void issue(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        connections.add(exchange.getRemoteAddress());
        Map<String, String> seen = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), String.join(",", values)));
        headers.add(seen);
        try {
            CountDownLatch together = hold.get();
            together.countDown();
            if (!together.await(10, TimeUnit.SECONDS)) {
                answer(exchange, 504, "{\"success\":false,\"error\":{\"code\":\"NOT-TOGETHER\"}}");
                return;
            }
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Matcher member = MEMBER.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        long memberId = member.find() ? Long.parseLong(member.group(1)) : -1;
        if (!issued.add(memberId)) {
            answer(exchange, 409, "{\"success\":false,\"error\":{\"code\":\"COUPON-002\",\"message\":\"Already issued.\"}}");
        } else if (stock.getAndDecrement() <= 0 && !oversell) {
            issued.remove(memberId);
            answer(exchange, 409, "{\"success\":false,\"error\":{\"code\":\"COUPON-003\",\"message\":\"Sold out.\"}}");
        } else {
            answer(exchange, 200, "{\"success\":true,\"data\":{\"couponCode\":\"FLASH100\",\"memberId\":" + memberId + "}}");
        }
    }

    public static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
