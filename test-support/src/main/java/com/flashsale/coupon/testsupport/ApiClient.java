package com.flashsale.coupon.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running service over real HTTP and reads the answer envelope. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String bearerToken;

    public ApiClient(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private ApiClient(String baseUrl, String bearerToken) {
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
    }

    /** The same client presenting {@code token} ({@code Authorization: Bearer}) on every request. */
    public ApiClient withToken(String token) {
        return new ApiClient(baseUrl, token);
    }

    public Answer issue(String couponCode, long memberId) {
        return post("/api/v1/coupons/issue", "{\"couponCode\":\"" + couponCode + "\",\"memberId\":" + memberId + "}");
    }

    /** An issue request naming no member: with tokens, the member is the token's. */
    public Answer issue(String couponCode) {
        return post("/api/v1/coupons/issue", "{\"couponCode\":\"" + couponCode + "\"}");
    }

    public Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Answer send(HttpRequest.Builder request) {
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The envelope; an answer that is not JSON (a server's own error page, say) as one text node. */
    private static JsonNode parse(String body) {
        if (body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.getNodeFactory().stringNode(body);
        }
    }

    /** HTTP status, parsed envelope and header fields. {@code code} is the error code, or {@code null} on success. */
    public record Answer(int status, JsonNode body, HttpHeaders headers) {

        /** The first value of header field {@code name}, or {@code null}. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String code() {
            JsonNode code = body.path("error").path("code");
            return code.isMissingNode() ? null : code.asString();
        }

        public boolean success() {
            return body.path("success").asBoolean(false);
        }
    }
}
