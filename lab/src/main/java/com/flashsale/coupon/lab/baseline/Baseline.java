package com.flashsale.coupon.lab.baseline;

/**
 * One of the seed's ways to decide an issue attempt. Every baseline runs on the same load, against
 * the same servers, and is judged on what it answered and on what its store holds afterwards.
 */
public interface Baseline extends AutoCloseable {

    String name();

    /** Empties the store and sets the stock of the one coupon under test. */
    void reset(int stock) throws Exception;

    /** What one concurrent client uses: its own JDBC connection, or the shared Redis connection. */
    Client client() throws Exception;

    /** Read after the run, once everything the baseline sent asynchronously has landed. */
    StoreState storeState() throws Exception;

    interface Client extends AutoCloseable {
        Answer attempt(long memberId) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /**
     * @param holders distinct members the store says hold a coupon
     * @param records issuance records in the store (rows, set members, or events Kafka acknowledged)
     * @param stockLeft what the store says is left
     */
    record StoreState(long holders, long records, long stockLeft) {
    }
}
