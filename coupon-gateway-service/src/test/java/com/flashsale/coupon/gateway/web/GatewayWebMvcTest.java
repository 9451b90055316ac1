package com.flashsale.coupon.gateway.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A {@code @WebMvcTest} slice of the gateway: the given controllers with the web layer every answer
 * goes through (envelope, exception handler, request filters) and the strict JSON reading, which
 * as a plain configuration class the slice would otherwise leave out. No server, no Redis, no Kafka:
 * the controllers' collaborators are {@code @MockitoBean}s.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import(StrictJsonConfig.class)
public @interface GatewayWebMvcTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
