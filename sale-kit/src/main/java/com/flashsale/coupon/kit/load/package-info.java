/**
 * Load: {@link com.flashsale.coupon.kit.load.Burst} (every member at one instant),
 * {@link com.flashsale.coupon.kit.load.Loop} (closed loop, or open loop at a fixed rate timed from
 * each request's due time), every answer kept per member in an
 * {@link com.flashsale.coupon.kit.load.AnswerLog}. A loop drives the gateways, or any other
 * {@link com.flashsale.coupon.kit.load.Asker} (a design measured in-process, for comparison).
 */
package com.flashsale.coupon.kit.load;
