package com.flashsale.coupon.worker.admin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error codes an endpoint can answer. The API description lists them as its error responses, each
 * with an example ({@link ApiDescriptionConfig}); tests hold every endpoint to what it declares.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface Refusals {

    ErrorCode[] value();
}
