package com.flashsale.coupon.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/wrk/issue.lua run by the real wrk, the way the bench runs it, against a loopback server that
 * records every request. The server answers one request per millisecond at most, so a run of a second
 * sends far fewer requests than the large ranges below hold: none of them may repeat a member.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WrkScriptTest {

    // Surefire runs the tests in the module's directory.
    private static final String SCRIPT = "../bench/wrk/issue.lua";
    private static final String COUPON = "FLASH100";
    private static final String ISSUE_PATH = "/api/v1/coupons/issue";
    private static final Pattern MEMBER_BODY = Pattern.compile("\\{\"couponCode\":\"FLASH100\",\"memberId\":(\\d+)}");
    private static final long FIRST = 1001;
    /** Far more than the server can answer in a run. */
    private static final int MANY = 20_000;

    private final Wrk wrk = new Wrk(SCRIPT, 2, 4);
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    record Recorded(String method, String path, String contentType, String authorization, String body) {
    }

    @BeforeAll
    static void wrkIsInstalled() {
        boolean installed = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, "wrk")));
        if (!installed) {
            fail("wrk is not installed: run 'scripts/infra/install.sh wrk' (Debian package wrk)");
        }
        assertThat(Path.of(SCRIPT)).isRegularFile();
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // No executor: every request is handled on the one dispatcher thread, which bounds the rate.
        server.createContext("/", this::record);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void record(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Thread.sleep(1);
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void withoutTokensEachRequestAsksForADifferentMemberOfTheRangeByTheIdInItsBody() throws Exception {
        wrk.run(url(), Duration.ofSeconds(1), COUPON, FIRST, MANY);

        List<Long> members = sent().stream().map(r -> {
            assertThat(r.authorization()).as("no token without a tokens file").isNull();
            return member(r.body());
        }).toList();
        assertThat(members).allSatisfy(m -> assertThat(m).isBetween(FIRST, FIRST + MANY - 1)).doesNotHaveDuplicates();
    }

    @Test
    void withoutTokensTheRangeWrapsAroundSoEveryMemberOfASmallOneIsAsked() throws Exception {
        wrk.run(url(), Duration.ofSeconds(1), COUPON, FIRST, 3);

        assertThat(sent().stream().map(r -> member(r.body())).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(FIRST, FIRST + 1, FIRST + 2);
    }

    @Test
    void withTokensEachRequestCarriesADifferentMembersTokenAndNoMemberIdInItsBody(@TempDir Path dir) throws Exception {
        List<String> tokens = tokens(MANY);
        wrk.runWithTokens(url(), Duration.ofSeconds(1), COUPON, write(dir, tokens));

        List<String> sent = sent().stream().map(r -> {
            assertThat(r.body()).isEqualTo("{\"couponCode\":\"FLASH100\"}");
            return r.authorization();
        }).toList();
        assertThat(sent).doesNotHaveDuplicates();
        assertThat(bearers(tokens)).containsAll(sent);
    }

    @Test
    void withTokensTheFileWrapsAroundSoEveryTokenOfASmallOneIsSent(@TempDir Path dir) throws Exception {
        List<String> tokens = tokens(3);
        wrk.runWithTokens(url(), Duration.ofSeconds(1), COUPON, write(dir, tokens));

        assertThat(sent().stream().map(Recorded::authorization).collect(Collectors.toSet()))
                .isEqualTo(bearers(tokens));
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + ISSUE_PATH;
    }

    /** What every request of the run has in common, whichever way it names its member. */
    private List<Recorded> sent() {
        assertThat(requests).as("a second against a loopback server sends some requests").hasSizeGreaterThanOrEqualTo(10);
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo(ISSUE_PATH);
            assertThat(r.contentType()).isEqualTo("application/json");
        });
        return requests;
    }

    private static long member(String body) {
        Matcher matcher = MEMBER_BODY.matcher(body);
        assertThat(matcher.matches()).as("body %s", body).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static List<String> tokens(int count) {
        return IntStream.range(0, count).mapToObj(i -> "token-of-member-" + i).toList();
    }

    private static Set<String> bearers(List<String> tokens) {
        return tokens.stream().map(token -> "Bearer " + token).collect(Collectors.toSet());
    }

    private static Path write(Path dir, List<String> tokens) throws IOException {
        return Files.write(dir.resolve("tokens.txt"), tokens);
    }
}
