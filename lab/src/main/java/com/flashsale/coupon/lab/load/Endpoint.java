package com.flashsale.coupon.lab.load;

import java.nio.charset.StandardCharsets;

/** Where requests go, and the issue body for one member. */
public record Endpoint(String host, int port, String path, String couponCode) {

    public byte[] body(long memberId) {
        return ("{\"couponCode\":\"" + couponCode + "\",\"memberId\":" + memberId + "}").getBytes(StandardCharsets.US_ASCII);
    }

    public HttpConnection connect() throws java.io.IOException {
        return new HttpConnection(host, port, path);
    }
}
