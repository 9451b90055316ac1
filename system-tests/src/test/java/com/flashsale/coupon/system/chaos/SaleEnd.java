package com.flashsale.coupon.system.chaos;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.load.Loop;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a drill's sale may end. Not on a request count alone: it goes on until the fault is over,
 * the stock has sold out again since, a tail has passed, and at least as many members as there are
 * coupons got an answer from the ledger (answers lost to the fault do not count), so whatever the
 * fault did to the stock is put to the test by members still asking. A sale that never sells out
 * again stops at the scale's limit, counted from the end of the fault: how long the fault itself
 * took (a service's restart on a busy machine) is not taken from the sale.
 */
final class SaleEnd implements Loop.StopCondition {

    private final ChaosScale scale;
    private final MemberOrder order;
    private final Set<Long> answeredByLedger = ConcurrentHashMap.newKeySet();
    private volatile long faultOverAt;
    private volatile boolean soldOutSinceFault;

    SaleEnd(ChaosScale scale, MemberOrder order) {
        this.scale = scale;
        this.order = order;
    }

    /** The fault injector is done (servers and services are back): from now on the sale may end. */
    void faultOver() {
        faultOverAt = System.nanoTime();
    }

    /** Every answer of the sale, the fault's own requests included. */
    void answered(Answer answer) {
        if (answer.outcome().decided() && order.contains(answer.memberId())) {
            answeredByLedger.add(answer.memberId());
        }
        long over = faultOverAt;
        if (answer.outcome() == Outcome.SOLD_OUT && over != 0 && answer.sentAt() > over) {
            soldOutSinceFault = true;
        }
    }

    @Override
    public boolean stop(long index, long elapsedNanos) {
        long over = faultOverAt;
        if (over == 0) {
            return false;
        }
        long since = System.nanoTime() - over;
        return since > scale.saleLimit().toNanos() || index >= scale.minimumRequests() && soldOutSinceFault
                && since >= scale.tail().toNanos() && answeredByLedger.size() >= scale.quantity();
    }
}
