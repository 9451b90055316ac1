package com.flashsale.coupon.system.chaos;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends issue requests and classifies what came back. The line between "nothing happened" and
 * "unknown" is whether the request can have reached the gateway: a refused or never-established
 * connection sent nothing, while a timeout or a connection cut after sending may hide a decision.
 */
final class IssueClient implements AutoCloseable {

    static final String COUPON = "FLASH100";
    /** Another seeded coupon, for traffic that must not touch the sale's ledger. */
    static final String WARM_UP_COUPON = "WELCOME10";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Far above a healthy answer (the gateway's own Redis timeout is 1 s): past it the answer is unknown. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    Attempt issue(int gateway, int port, long memberId) {
        return issue(gateway, port, COUPON, memberId);
    }

    Attempt issue(int gateway, int port, String couponCode, long memberId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/coupons/issue"))
                .timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"couponCode\":\"" + couponCode + "\",\"memberId\":" + memberId + "}"))
                .build();
        long sentAt = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String code = errorCode(response.body());
            return new Attempt(memberId, gateway, sentAt, System.nanoTime(), classify(response.statusCode(), code),
                    code == null ? Integer.toString(response.statusCode()) : code);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Attempt(memberId, gateway, sentAt, System.nanoTime(), Outcome.NOT_CONNECTED, e.toString());
        } catch (HttpTimeoutException e) {
            return new Attempt(memberId, gateway, sentAt, System.nanoTime(), Outcome.UNKNOWN, "timeout");
        } catch (IOException e) {
            return new Attempt(memberId, gateway, sentAt, System.nanoTime(), Outcome.UNKNOWN, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(memberId, gateway, sentAt, System.nanoTime(), Outcome.UNKNOWN, "interrupted");
        }
    }

    private static Outcome classify(int status, String code) {
        if (status == 200) {
            return Outcome.ISSUED;
        }
        if (status == 409 && "COUPON-002".equals(code)) {
            return Outcome.DUPLICATE;
        }
        if (status == 409 && "COUPON-003".equals(code)) {
            return Outcome.SOLD_OUT;
        }
        if (status == 503 && "COMMON-002".equals(code)) {
            return Outcome.UNAVAILABLE;
        }
        // A 500 (or anything undocumented) may have failed before or after the ledger decided.
        return status >= 400 && status < 500 ? Outcome.REFUSED : Outcome.UNKNOWN;
    }

    private static String errorCode(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            String code = JSON.readTree(body).path("error").path("code").asString(null);
            return code == null || code.isEmpty() ? null : code;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
