package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.web.ApiDescriptions;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's API description at {@code /v3/api-docs} (Swagger UI only under {@code local}): every
 * endpoint is an operator's, behind a bearer token with scope {@code coupon:admin}, and answers the
 * envelope; its error responses come from its {@link Refusals}, one example per code.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescriptionConfig {

    @Bean
    OpenAPI workerApiDescription() {
        return new OpenAPI()
                .info(new Info().title("Coupon worker: operator API").version("v1").description("""
                        Campaigns and their lifecycle, issuance queries and the replay of failed issuances, sale \
                        reset, member status and reconciliation. Every answer is the envelope {success, data | \
                        error {code, message}, timestamp} with the matching HTTP status."""))
                .components(ApiDescriptions.components(ErrorCode.CAMPAIGN_ENDED))
                .addSecurityItem(new SecurityRequirement().addList(ApiDescriptions.OPERATOR));
    }

    @Bean
    OperationCustomizer refusalResponses() {
        return ApiDescriptions.refusalResponses(Refusals.class);
    }
}
