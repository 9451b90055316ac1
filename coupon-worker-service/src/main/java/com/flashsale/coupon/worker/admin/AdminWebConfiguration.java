package com.flashsale.coupon.worker.admin;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Guards every admin path. In {@code prod} neither this nor the admin controllers exist. */
@Configuration(proxyBeanMethods = false)
@Profile("!prod")
@EnableConfigurationProperties(AdminSettings.class)
class AdminWebConfiguration implements WebMvcConfigurer {

    static final String[] ADMIN_PATHS = { "/api/test/**", "/api/v1/coupons/stock/**", "/api/v1/admin/**" };

    private final AdminAccessInterceptor access;

    AdminWebConfiguration(Environment environment, AdminSettings settings) {
        this.access = new AdminAccessInterceptor(environment.matchesProfiles("local"), settings);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(access).addPathPatterns(ADMIN_PATHS);
    }
}
