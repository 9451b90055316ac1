/**
 * The contract between the gateway and the worker: event records and their JSON form, topic names,
 * and the Redis ledger's key layout. Both services depend on this module and on nothing else of
 * each other, so anything here is a wire format: change it only in a backwards-compatible way.
 */
package com.flashsale.coupon.events;
