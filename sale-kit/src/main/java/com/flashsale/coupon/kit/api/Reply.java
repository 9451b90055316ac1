package com.flashsale.coupon.kit.api;

import tools.jackson.databind.JsonNode;

/** An HTTP status and the parsed answer envelope (a missing node when the body was empty or not JSON). */
public record Reply(int status, JsonNode body) {

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
