package com.flashsale.coupon.gateway.web;

import com.flashsale.coupon.web.ApiDescriptions;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's API description at {@code /v3/api-docs} (Swagger UI only under {@code local}): the
 * public issue endpoint behind a member's bearer token, the operator's stock read behind one with scope
 * {@code coupon:admin}; every error response comes from the endpoint's {@link Refusals}, one example
 * per code.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescriptionConfig {

    private static final String MEMBER = "member";

    @Bean
    OpenAPI gatewayApiDescription() {
        return new OpenAPI()
                .info(new Info().title("Coupon gateway: public API").version("v1").description("""
                        Issues flash-sale coupons: first come, first served, never more than the stock and never \
                        two to one member. Every answer is the envelope {success, data | error {code, message}, \
                        timestamp} with the matching HTTP status."""))
                .components(ApiDescriptions.components(ErrorCode.SOLD_OUT)
                        .addSecuritySchemes(MEMBER, ApiDescriptions.bearer("A member's token: its subject is the member "
                                + "the coupon is issued to (a memberId in the body must match it). Not needed under "
                                + "the local profile, where the body's memberId is trusted.")));
    }

    @Bean
    OperationCustomizer refusalResponses() {
        return ApiDescriptions.refusalResponses(Refusals.class);
    }
}
