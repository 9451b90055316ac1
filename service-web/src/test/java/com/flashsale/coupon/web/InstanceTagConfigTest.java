package com.flashsale.coupon.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The instance tag that keeps replicas apart in every metric. */
class InstanceTagConfigTest {

    @Test
    void tagsEveryMeterWithHostAndPortByDefault() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();

        new InstanceTagConfig().instanceTag(new InstanceTagConfig.InstanceName(""), new MockEnvironment().withProperty("server.port", "18081"))
                .customize(meters);

        Counter counter = meters.counter("coupon.persisted.rows");
        assertThat(counter.getId().getTag("instance")).isEqualTo(InetAddress.getLocalHost().getHostName() + ":18081");
    }

    @Test
    void aConfiguredInstanceNameWins() {
        MeterRegistry meters = new SimpleMeterRegistry();

        new InstanceTagConfig().instanceTag(new InstanceTagConfig.InstanceName("worker-2"), new MockEnvironment().withProperty("server.port", "18081"))
                .customize(meters);

        assertThat(meters.counter("coupon.persisted.rows").getId().getTag("instance")).isEqualTo("worker-2");
    }
}
