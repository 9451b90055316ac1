package com.flashsale.coupon.system.chaos;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * A class of chaos drills, each test one {@link ChaosRun#drill}. The system-tests module runs them by
 * their name ({@code chaos/*IntegrationTest}) in an execution of their own, after every other test,
 * since they kill and restart the local servers. Each drill has fifteen minutes at either scale: one
 * whose server never comes back fails alone instead of holding the build.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@interface ChaosDrills {
}
