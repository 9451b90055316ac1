package com.flashsale.coupon.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What both services' API descriptions ({@code /v3/api-docs}) share: bearer-token schemes, the error
 * envelope's schema, and each endpoint's error responses taken from the refusals it declares, one
 * example per code. Each service says what it is and which refusals an endpoint declares.
 */
public final class ApiDescriptions {

    public static final String OPERATOR = "operator";
    private static final String ERROR_ENVELOPE = "ErrorEnvelope";

    private ApiDescriptions() {
    }

    /** The shared components: the operators' bearer scheme and the error envelope, with one example refusal. */
    public static Components components(ApiErrorCode example) {
        return new Components()
                .addSecuritySchemes(OPERATOR, bearer("An operator's token with scope coupon:admin. Not needed under "
                        + "the local profile, where the operator endpoints are open."))
                .addSchemas(ERROR_ENVELOPE, errorEnvelope(example));
    }

    public static SecurityScheme bearer(String description) {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description(description);
    }

    /**
     * Adds to each endpoint a response per status among the codes its handler declares with
     * {@code refusals}, the service's own annotation whose {@code value()} lists them.
     */
    public static OperationCustomizer refusalResponses(Class<? extends Annotation> refusals) {
        return (operation, handler) -> {
            ApiErrorCode[] codes = declaredRefusals(handler, refusals);
            if (codes != null) {
                if (operation.getResponses() == null) {
                    operation.setResponses(new ApiResponses());
                }
                byStatus(codes).forEach((status, sameStatus) -> operation.getResponses()
                        .addApiResponse(Integer.toString(status), response(sameStatus)));
            }
            return operation;
        };
    }

    /** The codes {@code handler} declares with {@code refusals}; null when it declares none. */
    public static ApiErrorCode[] declaredRefusals(HandlerMethod handler, Class<? extends Annotation> refusals) {
        Annotation declared = handler.getMethodAnnotation(refusals);
        return declared == null ? null : (ApiErrorCode[]) AnnotationUtils.getValue(declared);
    }

    private static Map<Integer, List<ApiErrorCode>> byStatus(ApiErrorCode[] codes) {
        return Arrays.stream(codes).collect(Collectors.groupingBy(code -> code.status().value(), TreeMap::new,
                Collectors.toList()));
    }

    private static io.swagger.v3.oas.models.responses.ApiResponse response(List<ApiErrorCode> codes) {
        MediaType json = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_ENVELOPE));
        for (ApiErrorCode code : codes) {
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
        return new io.swagger.v3.oas.models.responses.ApiResponse().description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json));
    }

    @SuppressWarnings("rawtypes")
    private static Schema errorEnvelope(ApiErrorCode example) {
        return new ObjectSchema()
                .description("A refusal: success is false, error names the code and says why.")
                .addProperty("success", new BooleanSchema().example(false))
                .addProperty("error", new ObjectSchema()
                        .addProperty("code", new StringSchema().example(example.code()))
                        .addProperty("message", new StringSchema().example(example.message())))
                .addProperty("timestamp", new StringSchema().format("date-time"));
    }
}
