package com.flashsale.coupon.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Every meter carries the service ({@code application}, set in each application.yml) and the replica
 * ({@code instance}) it comes from, so replicas stay apart wherever the numbers are read: gateway
 * replicas behind one load balancer, worker replicas in one consumer group, whose lag, batch sizes and
 * pools only make sense apart. Prometheus keeps its own {@code instance} label (the scrape address,
 * which {@code up} also carries) and files this one as {@code exported_instance}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InstanceTagConfig.InstanceName.class)
public class InstanceTagConfig {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> instanceTag(InstanceName name, Environment environment) {
        String instance = name.instance().isBlank()
                ? hostName() + ":" + environment.getRequiredProperty("server.port")
                : name.instance();
        return registry -> registry.config().commonTags("instance", instance);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** @param instance this replica's name in the {@code instance} tag; empty means host name and port */
    @ConfigurationProperties("coupon.metrics")
    record InstanceName(@DefaultValue("") String instance) {
    }
}
