package com.flashsale.coupon.kit.api;

/** One campaign as the worker provisioned it into the ledger after an operator change. */
public record Campaign(String couponCode, long quantity, String status, long stock) {
}
