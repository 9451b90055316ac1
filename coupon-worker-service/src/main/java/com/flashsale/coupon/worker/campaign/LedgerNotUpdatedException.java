package com.flashsale.coupon.worker.campaign;

/**
 * The change is saved in MySQL, but the Redis ledger could not be told: the periodic provisioning
 * carries it over, or the same request again (a repeated change changes nothing and provisions anew).
 */
public class LedgerNotUpdatedException extends RuntimeException {

    public LedgerNotUpdatedException(String code, RuntimeException cause) {
        super("campaign " + code + " is saved, but the Redis ledger could not be updated (" + cause.getMessage()
                + "): the periodic provisioning carries the change over, or send the request again", cause);
    }
}
