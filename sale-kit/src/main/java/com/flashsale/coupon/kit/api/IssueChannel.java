package com.flashsale.coupon.kit.api;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One client's way to the gateways: a keep-alive connection per gateway replica, opened when first
 * needed (or ahead, with {@link #connect}), and every issue request turned into an {@link Answer}.
 * Not thread-safe: one per client thread.
 *
 * <p>Where a request ends decides its outcome. Nothing could be connected: {@link Outcome#NOT_CONNECTED},
 * nothing was sent. Sent, then no answer (timeout, connection cut): {@link Outcome#UNKNOWN}, the
 * gateway may have issued. After such a failure the connection is dropped and the next request opens
 * a new one.
 */
public final class IssueChannel implements AutoCloseable {

    static final String ISSUE_PATH = "/api/v1/coupons/issue";

    /** A keep-alive connection idle this long is probed before reuse (see {@link HttpConnection#reusable}). */
    static final Duration IDLE_CHECK = Duration.ofSeconds(1);

    private final List<LocalTarget> gateways;
    private final Credentials credentials;
    private final Timeouts timeouts;
    private final Duration idleCheck;
    private final HttpConnection[] connections;

    IssueChannel(List<LocalTarget> gateways, Credentials credentials, Timeouts timeouts, Duration idleCheck) {
        this.gateways = gateways;
        this.credentials = credentials;
        this.timeouts = timeouts;
        this.idleCheck = idleCheck;
        this.connections = new HttpConnection[gateways.size()];
    }

    /** The body of a member's issue request: the one place it is written. */
    static String issueBody(String couponCode, long memberId) {
        return "{\"couponCode\":\"" + couponCode + "\",\"memberId\":" + memberId + "}";
    }

    /** Opens the connection to this gateway now, so a later {@link #ask} starts with sending. */
    public void connect(int gateway) throws IOException {
        connection(gateway);
    }

    /** Asks for the coupon on behalf of the member; never throws: every ending is an {@link Answer}. */
    public Answer ask(int gateway, String couponCode, long memberId, long dueAt) {
        long sentAt = System.nanoTime();
        HttpConnection connection;
        try {
            connection = connection(gateway);
        } catch (IOException e) {
            return failure(memberId, gateway, Outcome.NOT_CONNECTED, e, dueAt, sentAt);
        }
        byte[] body = issueBody(couponCode, memberId).getBytes(StandardCharsets.UTF_8);
        try {
            HttpConnection.Response response = connection.post(ISSUE_PATH, credentials.member(memberId), body);
            String code = response.status() == 200 ? null : Envelope.errorCode(response.body());
            return new Answer(memberId, gateway, Outcome.of(response.status(), code), response.status(), code, null,
                    dueAt, sentAt, System.nanoTime());
        } catch (IOException | RuntimeException e) {
            drop(gateway);
            return failure(memberId, gateway, Outcome.UNKNOWN, e, dueAt, sentAt);
        }
    }

    private HttpConnection connection(int gateway) throws IOException {
        HttpConnection connection = connections[gateway];
        if (connection != null && connection.reusable(idleCheck)) {
            return connection;
        }
        drop(gateway);
        connections[gateway] = new HttpConnection(gateways.get(gateway), timeouts.connect(), timeouts.answer());
        return connections[gateway];
    }

    private void drop(int gateway) {
        if (connections[gateway] != null) {
            connections[gateway].close();
            connections[gateway] = null;
        }
    }

    private static Answer failure(long memberId, int gateway, Outcome outcome, Exception e, long dueAt, long sentAt) {
        String detail = e instanceof SocketTimeoutException && outcome == Outcome.UNKNOWN ? "timeout: " + e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new Answer(memberId, gateway, outcome, Answer.NO_STATUS, null, detail, dueAt, sentAt, System.nanoTime());
    }

    @Override
    public void close() {
        for (int gateway = 0; gateway < connections.length; gateway++) {
            drop(gateway);
        }
    }
}
