package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.web.ApiDescriptions;
import com.flashsale.coupon.web.ApiResponse;
import com.flashsale.coupon.worker.campaign.CampaignView;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The worker's API description at {@code /v3/api-docs} (Swagger UI only under {@code local}): every
 * endpoint is an operator's, behind a bearer token with scope {@code coupon:admin}, and answers the
 * envelope; its error responses come from its {@link Refusals}, one example per code, and every answer
 * that carries a campaign describes the ETag it sends.
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

    /**
     * The campaign's version header on each answer of a handler that returns a campaign: its success
     * ({@link CampaignVersions} sets it) and, where it has one, its 304, which Spring MVC answers in its
     * place with the same header when If-None-Match names that version.
     */
    @Bean
    OperationCustomizer campaignVersionHeaders() {
        ResolvableType campaignAnswer = ResolvableType.forClassWithGenerics(ResponseEntity.class,
                ResolvableType.forClassWithGenerics(ApiResponse.class, CampaignView.class));
        return (operation, handler) -> {
            if (campaignAnswer.isAssignableFrom(ResolvableType.forMethodReturnType(handler.getMethod()))) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2") || status.equals("304")) {
                        response.addHeaderObject(HttpHeaders.ETAG, new Header()
                                .description("the campaign's version, quoted; send it back in If-Match")
                                .schema(new StringSchema().example("\"3\"")));
                    }
                });
            }
            return operation;
        };
    }
}
