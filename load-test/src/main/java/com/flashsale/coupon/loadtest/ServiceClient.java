package com.flashsale.coupon.loadtest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to one service on this machine, reading the answer envelope. HTTP/1.1 on purpose: one
 * connection per in-flight request, like the members' browsers, not a multiplexed HTTP/2 stream.
 */
final class ServiceClient {

    static final String ADMIN_TOKEN_HEADER = "X-Admin-Token";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalTarget target;
    private final String adminToken;

    ServiceClient(LocalTarget target, String adminToken) {
        this.target = target;
        this.adminToken = adminToken == null ? "" : adminToken;
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    LocalTarget target() {
        return target;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(path)).timeout(REQUEST_TIMEOUT);
        if (!adminToken.isBlank()) {
            request.header(ADMIN_TOKEN_HEADER, adminToken);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), parse(response.body()));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            // Not an envelope (a proxy's error page, say): keep the status, report no code.
            return JSON.missingNode();
        }
    }

    /** Status and parsed envelope; {@code errorCode} is {@code null} when the envelope has none. */
    record Reply(int status, JsonNode body) {

        String errorCode() {
            JsonNode code = body.path("error").path("code");
            return code.isMissingNode() || code.isNull() ? null : code.asString();
        }
    }
}
