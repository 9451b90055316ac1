package com.flashsale.coupon.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Every meter carries the service ({@code application}, set in application.yml) and the replica
 * ({@code instance}) it comes from, so replicas stay apart wherever the numbers are read. Prometheus
 * keeps its own {@code instance} label (the scrape address, which {@code up} also carries) and files
 * this one as {@code exported_instance}.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfig {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> instanceTag(MetricsSettings settings, Environment environment) {
        String instance = settings.instance().isBlank()
                ? hostName() + ":" + environment.getProperty("server.port", "8080")
                : settings.instance();
        return registry -> registry.config().commonTags("instance", instance);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
