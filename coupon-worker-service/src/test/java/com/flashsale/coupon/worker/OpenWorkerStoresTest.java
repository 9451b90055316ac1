package com.flashsale.coupon.worker;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A {@link WorkerStoresTest} of what the worker does rather than who may call it: servers of its own
 * registered by {@link WorkerTestEnvironment#register}, the operator endpoints open. A test that needs
 * the names chosen for it, or tokens, registers them itself on {@link WorkerStoresTest}: a second
 * registration here would add to this one, not replace it.
 */
// Dirtied after each class: two classes of equal configuration would otherwise share one context, and
// with it one database; a new context registers anew.
@DirtiesContext
public abstract class OpenWorkerStoresTest extends WorkerStoresTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        WorkerTestEnvironment.register(registry);
    }
}
