package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.load.Asker;

/**
 * One lab client as the kit's load engine drives it: the baseline's decision, answered as the API
 * answers it (200, 409 COUPON-002 or COUPON-003, 503 COMMON-002 when it gave up), so the baseline's
 * answers are timed, logged and judged exactly like the system's. An attempt that threw has an
 * unknown outcome (a commit may have failed after it was applied).
 */
final class BaselineAsker implements Asker {

    private final Baseline baseline;
    private Baseline.Client client;

    BaselineAsker(Baseline baseline) {
        this.baseline = baseline;
    }

    @Override
    public void connect(int gateway) throws Exception {
        client();
    }

    @Override
    public Answer ask(int gateway, String couponCode, long memberId, long dueAt) {
        long sentAt = System.nanoTime();
        Baseline.Client c;
        try {
            c = client();
        } catch (Exception e) {
            return new Answer(memberId, gateway, Outcome.NOT_CONNECTED, Answer.NO_STATUS, null, detail(e), dueAt, sentAt,
                    System.nanoTime());
        }
        try {
            Outcome outcome = c.attempt(memberId);
            return new Answer(memberId, gateway, outcome, status(outcome), code(outcome), null, dueAt, sentAt,
                    System.nanoTime());
        } catch (Exception e) {
            return new Answer(memberId, gateway, Outcome.UNKNOWN, Answer.NO_STATUS, null, detail(e), dueAt, sentAt,
                    System.nanoTime());
        }
    }

    @Override
    public void close() {
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                // A connection that broke during the run: nothing left to release.
            }
        }
    }

    private Baseline.Client client() throws Exception {
        if (client == null) {
            client = baseline.client();
        }
        return client;
    }

    private static int status(Outcome outcome) {
        return switch (outcome) {
            case ISSUED -> 200;
            case DUPLICATE, SOLD_OUT -> 409;
            case UNAVAILABLE -> 503;
            default -> throw new IllegalStateException("a baseline answers issued, duplicate, sold out or unavailable: "
                    + outcome);
        };
    }

    private static String code(Outcome outcome) {
        return switch (outcome) {
            case DUPLICATE -> "COUPON-002";
            case SOLD_OUT -> "COUPON-003";
            case UNAVAILABLE -> "COMMON-002";
            default -> null;
        };
    }

    private static String detail(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
