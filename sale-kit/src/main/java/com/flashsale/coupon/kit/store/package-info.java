/**
 * The stores read directly, never through the services: {@link com.flashsale.coupon.kit.store.StoreProbe}
 * gives one coupon's counts (cheap, for polling), its Redis ledger alone (while MySQL is down or locked),
 * its state member by member (for the checks), and a fingerprint of everything a request could change
 * (for I6).
 */
package com.flashsale.coupon.kit.store;
