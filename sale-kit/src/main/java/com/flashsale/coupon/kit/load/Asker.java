package com.flashsale.coupon.kit.load;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.IssueChannel;

/**
 * One client's way of asking for a coupon, as a {@link Loop} drives it: the gateways over HTTP (an
 * {@link IssueChannel}, what every loop against the running system uses), or anything else that
 * decides an issue request and answers as the gateway would, such as a design measured in-process
 * for comparison: its answers are then timed, logged and judged exactly like the system's. One per
 * client thread; never shared.
 */
public interface Asker extends AutoCloseable {

    /** Gets ready to ask this gateway (opens its connection ahead); a failure is met again by the first request. */
    default void connect(int gateway) throws Exception {
    }

    /** Asks on behalf of the member; never throws: every ending is an {@link Answer}. */
    Answer ask(int gateway, String couponCode, long memberId, long dueAt);

    @Override
    default void close() {
    }

    /** The gateways over HTTP, through this client thread's own connections. */
    static Asker of(IssueChannel channel) {
        return new Asker() {
            @Override
            public void connect(int gateway) throws Exception {
                channel.connect(gateway);
            }

            @Override
            public Answer ask(int gateway, String couponCode, long memberId, long dueAt) {
                return channel.ask(gateway, couponCode, memberId, dueAt);
            }

            @Override
            public void close() {
                channel.close();
            }
        };
    }
}
