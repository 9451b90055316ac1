package com.flashsale.coupon.gateway;

import com.flashsale.coupon.web.ServiceWebConfig;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ServiceWebConfig.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    /** The time of acceptance the issue script records, and the relay's lag is measured against. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
