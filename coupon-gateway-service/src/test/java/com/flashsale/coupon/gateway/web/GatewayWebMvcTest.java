package com.flashsale.coupon.gateway.web;

import com.flashsale.coupon.gateway.ratelimit.RateLimits;
import com.flashsale.coupon.gateway.security.MemberIdentity;
import com.flashsale.coupon.gateway.security.SecurityConfig;
import com.flashsale.coupon.kit.token.TokenIssuer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
 * goes through (envelope, exception handler, request filters, the security chains and rate limits,
 * counted in a simple meter registry), which as plain configuration classes and components the slice
 * would otherwise leave out; the strict JSON reading and the envelope's writer come with the
 * application's import of the shared web layer. No server, no Redis, no Kafka: the controllers' collaborators are
 * {@code @MockitoBean}s. Trusted, unless the test extends {@link TokenVerifyingSlice}; the per-address
 * limit is off (every request of a slice has the same address) unless one switches it on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(properties = {"coupon.auth.mode=local", "coupon.rate-limit.per-address.enabled=false"})
@Import({SecurityConfig.class, MemberIdentity.class, RateLimits.class, SimpleMeterRegistry.class})
public @interface GatewayWebMvcTest {

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
