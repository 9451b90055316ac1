package com.flashsale.coupon.kit.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeTest {

    /** Every documented answer by its name; an answer that may hide a decision is unknown, never a refusal. */
    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "200, , ISSUED",
            "409, COUPON-002, DUPLICATE",
            "409, COUPON-003, SOLD_OUT",
            "409, COUPON-004, NOT_OPEN",
            "404, COUPON-001, UNKNOWN_COUPON",
            "404, MEMBER-001, UNKNOWN_MEMBER",
            "403, MEMBER-002, INACTIVE_MEMBER",
            "400, COMMON-001, INVALID",
            "413, COMMON-003, INVALID",
            "401, AUTH-001, UNAUTHENTICATED",
            "403, AUTH-002, FORBIDDEN",
            "429, RATE-001, RATE_LIMITED",
            "503, COMMON-002, UNAVAILABLE",
            // An answer that may hide a decision is unknown, never a refusal; a 404 without a code decided nothing.
            "500, COMMON-999, UNKNOWN",
            "502, , UNKNOWN",
            // A 503 without the envelope's code is not the gateway's documented answer (a proxy's, say).
            "503, , UNKNOWN",
            "302, , UNKNOWN",
            "404, , REFUSED" })
    void namesEveryDocumentedAnswerAndDoubtsTheRest(int status, String code, Outcome outcome) {
        assertThat(Outcome.of(status, code)).isEqualTo(outcome);
    }

    @Test
    void onlyTheLedgersAnswersAreDecisions() {
        assertThat(Outcome.values()).filteredOn(Outcome::decided)
                .containsExactly(Outcome.ISSUED, Outcome.DUPLICATE, Outcome.SOLD_OUT);
        assertThat(Outcome.values()).filteredOn(Outcome::promisedNothing)
                .containsExactly(Outcome.UNAVAILABLE, Outcome.UNKNOWN);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "200, ISSUED",
            "409 COUPON-003, SOLD_OUT",
            "503 COMMON-002, UNAVAILABLE",
            "no answer (ConnectException), NOT_CONNECTED",
            "no answer (timeout), UNKNOWN",
            "other, UNKNOWN" })
    void readsTheKeysOfSummaryFilesBack(String key, Outcome outcome) {
        assertThat(Outcome.ofKey(key)).isEqualTo(outcome);
    }

    @Test
    void anAnswersKeyIsTheOneK6Uses() {
        assertThat(new Answer(1, 0, Outcome.ISSUED, 200, null, null, 0, 0, 1).key()).isEqualTo("200");
        assertThat(new Answer(1, 0, Outcome.SOLD_OUT, 409, "COUPON-003", null, 0, 0, 1).key()).isEqualTo("409 COUPON-003");
        assertThat(new Answer(1, 0, Outcome.NOT_CONNECTED, 0, null, "ConnectException: Connection refused", 0, 0, 1).key())
                .isEqualTo("no answer (ConnectException)");
    }
}
