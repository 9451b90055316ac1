package com.flashsale.coupon.cli.lab;

import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.store.SaleState;

/**
 * One of the seed's ways to decide an issue attempt. Every baseline runs on the same load, against
 * the same servers, and is judged like the system: what it answered each member, and what its store
 * holds afterwards, by the kit's invariant checker.
 */
public interface Baseline extends AutoCloseable {

    /** The lab's one coupon; it exists only in the lab's own corner of the servers. */
    String COUPON = "LAB";

    String name();

    /** Empties the store and sets the stock of the one coupon under test. */
    void reset(int stock) throws Exception;

    /** What one concurrent client uses: its own JDBC connection, or the shared Redis connection. */
    Client client() throws Exception;

    /**
     * Read after the run, once everything the baseline sent asynchronously has landed, in the shape
     * the checker reads the system's stores: where the baseline decides (its stock and its record
     * of holders) stands for the Redis ledger, where the issue ends up (rows, or the events Kafka
     * acknowledged) for MySQL.
     */
    SaleState state(int quantity) throws Exception;

    interface Client extends AutoCloseable {

        /**
         * {@link Outcome#ISSUED}, {@link Outcome#DUPLICATE}, {@link Outcome#SOLD_OUT}, or
         * {@link Outcome#UNAVAILABLE} when it gave up (retries exhausted, lock not obtained in time):
         * nothing was issued, and asking again is safe.
         */
        Outcome attempt(long memberId) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }
}
