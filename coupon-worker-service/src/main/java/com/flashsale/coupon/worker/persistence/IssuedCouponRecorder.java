package com.flashsale.coupon.worker.persistence;

import com.flashsale.coupon.events.CouponIssued;
import com.flashsale.coupon.events.EventCodec;
import com.flashsale.coupon.events.UnreadableEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Turns a batch of {@code CouponIssued} payloads into {@code coupon_issues} rows. The contract with
 * the caller: either the whole batch is durable, or a {@link BatchPersistenceException} names the
 * first record that is not, with every record before it durable. That lets the listener container
 * commit the good prefix and retry or dead-letter exactly the failing record.
 */
@Component
record IssuedCouponRecorder(CouponIssueRows rows, Counter persistedRows, DistributionSummary batchSizes) {

    @Autowired
    IssuedCouponRecorder(CouponIssueRows rows, MeterRegistry meters) {
        this(rows,
                Counter.builder("coupon.persisted.rows")
                        .description("Issuances made durable in coupon_issues, redelivered duplicates included")
                        .register(meters),
                DistributionSummary.builder("coupon.persisted.batch.size")
                        .description("Records per batch handed to the persistence")
                        .register(meters));
    }

    void record(List<String> payloads) {
        batchSizes.record(payloads.size());
        List<CouponIssued> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            try {
                events.add(EventCodec.couponIssued(payloads.get(i)));
            } catch (UnreadableEventException e) {
                // The good records before the poison must be durable before the container commits past them.
                insert(events);
                throw new BatchPersistenceException(i, e);
            }
        }
        insert(events);
    }

    private void insert(List<CouponIssued> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            rows.insertAll(events);
            persistedRows.increment(events.size());
        } catch (DataIntegrityViolationException e) {
            // Some row references a member or coupon that does not exist: find which one.
            insertOneByOne(events);
        } catch (DataAccessException e) {
            throw new BatchPersistenceException(0, e);
        }
    }

    private void insertOneByOne(List<CouponIssued> events) {
        for (int i = 0; i < events.size(); i++) {
            try {
                rows.insertAll(List.of(events.get(i)));
                persistedRows.increment();
            } catch (DataAccessException e) {
                throw new BatchPersistenceException(i, e);
            }
        }
    }
}
