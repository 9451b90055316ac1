package com.flashsale.coupon.worker.admin;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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

    static final String OPERATOR = "operator";
    private static final String ERROR_ENVELOPE = "ErrorEnvelope";

    @Bean
    OpenAPI workerApiDescription() {
        return new OpenAPI()
                .info(new Info().title("Coupon worker: operator API").version("v1").description("""
                        Campaigns and their lifecycle, issuance queries and the replay of failed issuances, sale \
                        reset, member status and reconciliation. Every answer is the envelope {success, data | \
                        error {code, message}, timestamp} with the matching HTTP status."""))
                .components(new Components()
                        .addSecuritySchemes(OPERATOR, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An operator's token with scope coupon:admin. Not needed under the "
                                        + "local profile, where the operator endpoints are open."))
                        .addSchemas(ERROR_ENVELOPE, errorEnvelope()))
                .addSecurityItem(new SecurityRequirement().addList(OPERATOR));
    }

    @Bean
    OperationCustomizer refusalResponses() {
        return (operation, handler) -> {
            Refusals refusals = handler.getMethodAnnotation(Refusals.class);
            if (refusals != null) {
                if (operation.getResponses() == null) {
                    operation.setResponses(new ApiResponses());
                }
                byStatus(refusals.value()).forEach((status, codes) -> operation.getResponses()
                        .addApiResponse(Integer.toString(status), response(codes)));
            }
            return operation;
        };
    }

    private static Map<Integer, List<ErrorCode>> byStatus(ErrorCode[] codes) {
        return Arrays.stream(codes).collect(Collectors.groupingBy(code -> code.status().value(), TreeMap::new,
                Collectors.toList()));
    }

    private static ApiResponse response(List<ErrorCode> codes) {
        MediaType json = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_ENVELOPE));
        for (ErrorCode code : codes) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code.code());
            error.put("message", code.message());
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("success", false);
            envelope.put("error", error);
            envelope.put("timestamp", "2026-12-01T09:00:00.123Z");
            json.addExamples(code.code(), new Example().summary(code.message()).value(envelope));
        }
        String description = codes.stream().map(code -> code.code() + ": " + code.message())
                .collect(Collectors.joining(" "));
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json));
    }

    @SuppressWarnings("rawtypes")
    private static Schema errorEnvelope() {
        return new ObjectSchema()
                .description("A refusal: success is false, error names the code and says why.")
                .addProperty("success", new BooleanSchema().example(false))
                .addProperty("error", new ObjectSchema()
                        .addProperty("code", new StringSchema().example("CAMPAIGN-002"))
                        .addProperty("message", new StringSchema().example("campaign SPRING25 has ended")))
                .addProperty("timestamp", new StringSchema().format("date-time"));
    }
}
