package com.flashsale.coupon.worker.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

/** Which store failures mean "try again", among those {@link StoreFailures} holds. */
class StoreOutagesTest {

    @Test
    void aStoreOutOfReachOrTooSlowIsAnOutage() {
        assertThat(StoreFailures.OUTAGES)
                .allSatisfy(outage -> assertThat(StoreOutages.isOutage(outage)).as(outage.toString()).isTrue());
    }

    @Test
    void aStoreThatAnsweredWhatTheRequestCannotHaveIsNoOutage() {
        assertThat(StoreFailures.NO_OUTAGES)
                .allSatisfy(failure -> assertThat(StoreOutages.isOutage(failure)).as(failure.toString()).isFalse());
    }

    @Test
    void stopsWhereACauseChainLoopsBack() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(StoreOutages.isOutage(new JpaSystemException(second))).isFalse();
    }
}
