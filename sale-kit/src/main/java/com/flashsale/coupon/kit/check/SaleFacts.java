package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.store.SaleState;

/** Everything the invariant checks judge one sale on, gathered once it has settled (and been reconciled). */
public record SaleFacts(SaleState state, AnswerFacts answers, Expectations expectations) {
}
