/**
 * The invariants I1-I6 judged with their evidence: {@link com.flashsale.coupon.kit.check.InvariantChecker}
 * over {@link com.flashsale.coupon.kit.check.SaleFacts} (the stores' state, what the members were
 * told, what the scenario expects) and over a {@link com.flashsale.coupon.kit.check.BadInputTrial}.
 */
package com.flashsale.coupon.kit.check;
