package com.flashsale.coupon.worker.persistence;

/**
 * Persisting a batch stopped at {@code index}: every record before it is durable, the one at it
 * failed with the cause, and the ones after it were not attempted.
 */
class BatchPersistenceException extends RuntimeException {

    private final int index;

    BatchPersistenceException(int index, RuntimeException cause) {
        super("record " + index + " of the batch failed: " + cause.getMessage(), cause);
        this.index = index;
    }

    int index() {
        return index;
    }
}
