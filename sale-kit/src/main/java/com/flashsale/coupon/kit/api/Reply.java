package com.flashsale.coupon.kit.api;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * An HTTP status, the parsed answer envelope (a missing node when the body was empty, or a text node
 * when it was not JSON, such as a server's own error page) and the header fields.
 */
public record Reply(int status, JsonNode body, HttpHeaders headers) {

    /** The first value of header field {@code name}, or {@code null}. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The envelope's error code, or {@code null} when it has none. */
    public String code() {
        JsonNode code = body.path("error").path("code");
        return code.isMissingNode() || code.isNull() ? null : code.asString();
    }

    public JsonNode data() {
        return body.path("data");
    }

    public boolean success() {
        return body.path("success").asBoolean(false);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
