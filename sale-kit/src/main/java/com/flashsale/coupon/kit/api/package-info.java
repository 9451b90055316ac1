/**
 * Talking to the running system: {@link com.flashsale.coupon.kit.api.SaleClient} for both services'
 * APIs, {@link com.flashsale.coupon.kit.api.Credentials} for who a request speaks for,
 * {@link com.flashsale.coupon.kit.api.Answer} and {@link com.flashsale.coupon.kit.api.Outcome} for
 * what an issue request ended as, {@link com.flashsale.coupon.kit.api.LocalTarget} for where load
 * may go (this machine only).
 */
package com.flashsale.coupon.kit.api;
