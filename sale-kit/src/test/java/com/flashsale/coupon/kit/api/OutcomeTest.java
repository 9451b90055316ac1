package com.flashsale.coupon.kit.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void namesEveryDocumentedAnswer() {
        assertThat(Outcome.of(200, null)).isEqualTo(Outcome.ISSUED);
        assertThat(Outcome.of(409, "COUPON-002")).isEqualTo(Outcome.DUPLICATE);
        assertThat(Outcome.of(409, "COUPON-003")).isEqualTo(Outcome.SOLD_OUT);
        assertThat(Outcome.of(409, "COUPON-004")).isEqualTo(Outcome.NOT_OPEN);
        assertThat(Outcome.of(404, "COUPON-001")).isEqualTo(Outcome.UNKNOWN_COUPON);
        assertThat(Outcome.of(404, "MEMBER-001")).isEqualTo(Outcome.UNKNOWN_MEMBER);
        assertThat(Outcome.of(403, "MEMBER-002")).isEqualTo(Outcome.INACTIVE_MEMBER);
        assertThat(Outcome.of(400, "COMMON-001")).isEqualTo(Outcome.INVALID);
        assertThat(Outcome.of(413, "COMMON-003")).isEqualTo(Outcome.INVALID);
        assertThat(Outcome.of(401, "AUTH-001")).isEqualTo(Outcome.UNAUTHENTICATED);
        assertThat(Outcome.of(403, "AUTH-002")).isEqualTo(Outcome.FORBIDDEN);
        assertThat(Outcome.of(429, "RATE-001")).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(Outcome.of(503, "COMMON-002")).isEqualTo(Outcome.UNAVAILABLE);
    }

    @Test
    void anAnswerThatMayHideADecisionIsUnknownNeverARefusal() {
        assertThat(Outcome.of(500, "COMMON-999")).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.of(502, null)).isEqualTo(Outcome.UNKNOWN);
        // A 503 without the envelope's code is not the gateway's documented answer (a proxy's, say).
        assertThat(Outcome.of(503, null)).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.of(302, null)).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.of(404, null)).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void onlyTheLedgersAnswersAreDecisions() {
        assertThat(Outcome.values()).filteredOn(Outcome::decided)
                .containsExactly(Outcome.ISSUED, Outcome.DUPLICATE, Outcome.SOLD_OUT);
        assertThat(Outcome.values()).filteredOn(Outcome::promisedNothing)
                .containsExactly(Outcome.UNAVAILABLE, Outcome.UNKNOWN);
    }

    @Test
    void readsTheKeysOfSummaryFilesBack() {
        assertThat(Outcome.ofKey("200")).isEqualTo(Outcome.ISSUED);
        assertThat(Outcome.ofKey("409 COUPON-003")).isEqualTo(Outcome.SOLD_OUT);
        assertThat(Outcome.ofKey("503 COMMON-002")).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(Outcome.ofKey("no answer (ConnectException)")).isEqualTo(Outcome.NOT_CONNECTED);
        assertThat(Outcome.ofKey("no answer (timeout)")).isEqualTo(Outcome.UNKNOWN);
        assertThat(Outcome.ofKey("other")).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void anAnswersKeyIsTheOneK6Uses() {
        assertThat(new Answer(1, 0, Outcome.ISSUED, 200, null, null, 0, 0, 1).key()).isEqualTo("200");
        assertThat(new Answer(1, 0, Outcome.SOLD_OUT, 409, "COUPON-003", null, 0, 0, 1).key()).isEqualTo("409 COUPON-003");
        assertThat(new Answer(1, 0, Outcome.NOT_CONNECTED, 0, null, "ConnectException: Connection refused", 0, 0, 1).key())
                .isEqualTo("no answer (ConnectException)");
    }
}
