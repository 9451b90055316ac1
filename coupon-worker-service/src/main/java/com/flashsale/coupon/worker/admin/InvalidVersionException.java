package com.flashsale.coupon.worker.admin;

class InvalidVersionException extends RuntimeException {

    InvalidVersionException(String ifMatch) {
        super("If-Match must be a campaign version as its ETag gives it, such as \"3\", or *; was " + ifMatch);
    }
}
