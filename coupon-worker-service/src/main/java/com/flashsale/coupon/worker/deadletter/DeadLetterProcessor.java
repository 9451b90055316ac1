package com.flashsale.coupon.worker.deadletter;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.EventCodec;
import com.flashsale.coupon.events.UnreadableEventException;
import com.flashsale.coupon.worker.compensation.IssuanceRevoker;
import com.flashsale.coupon.worker.persistence.CouponIssueRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Service;

/**
 * Second chance for an issuance the main consumer could not persist: the cause may have been
 * fixed meanwhile (a member created late, say). If it still fails after the configured attempts,
 * {@link #giveUp} revokes it.
 */
@Service
record DeadLetterProcessor(CouponIssueRows rows, IssuanceRevoker revoker, Counter recovered, Counter failed,
        Counter unreadable) {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessor.class);

    @Autowired
    DeadLetterProcessor(CouponIssueRows rows, IssuanceRevoker revoker, MeterRegistry meters) {
        this(rows, revoker, outcome(meters, "recovered"), outcome(meters, "failed"), outcome(meters, "unreadable"));
    }

    void process(String payload) {
        CouponIssued event;
        try {
            event = EventCodec.couponIssued(payload);
        } catch (UnreadableEventException e) {
            // Nobody can be identified, so nothing can be revoked: keep it visible, then move on.
            unreadable.increment();
            log.error("Unreadable dead letter dropped ({}): {}", e.getMessage(), abbreviate(payload));
            return;
        }
        rows.insertAll(List.of(event));
        recovered.increment();
        log.info("Dead letter {} persisted on retry", event.eventId());
    }

    /** Called by the error handler once the attempts are spent on a permanent failure. */
    void giveUp(String payload, Exception cause) {
        CouponIssued event = EventCodec.couponIssued(payload);
        Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
        revoker.revoke(event,
                "persisting failed permanently: " + root.getClass().getSimpleName() + ": " + root.getMessage());
        failed.increment();
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("coupon.deadletter.records")
                .description("Dead letters processed, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    private static String abbreviate(String payload) {
        if (payload == null) {
            return "<null>";
        }
        return payload.length() <= 500 ? payload : payload.substring(0, 500) + "...";
    }
}
