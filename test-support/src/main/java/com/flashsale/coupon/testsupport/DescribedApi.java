package com.flashsale.coupon.testsupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.web.ApiDescriptions;
import com.flashsale.coupon.web.ApiErrorCode;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's API as its description ({@code /v3/api-docs}) tells it and as its handlers implement
 * it, each operation named {@code "METHOD path"}: what each service's API description test holds
 * together, and where its security tests find every endpoint, so that a new one cannot be forgotten.
 */
public final class DescribedApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DescribedApi() {
    }

    /** How a test meets each documented refusal. */
    @FunctionalInterface
    public interface Case {
        /** The request that meets {@code code} on {@code operation}, its collaborators set up; null when none does. */
        RequestBuilder arrange(String operation, String code) throws Exception;
    }

    /**
     * Swagger UI and the description in its other form, YAML, are open as the JSON form is: a reader
     * without a token can see what the API asks of them.
     */
    public static void assertServedWithoutAToken(MockMvc mvc) throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/vnd.oai.openapi"));
    }

    public static JsonNode description(MockMvc mvc) throws Exception {
        return JSON.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    /** Every described operation. */
    public static Map<String, JsonNode> described(MockMvc mvc) throws Exception {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : description(mvc).path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
            }
        }
        return operations;
    }

    /** Every operation the service's own handlers serve (not the error page, nor springdoc's). */
    public static Map<String, HandlerMethod> handled(RequestMappingHandlerMapping handlers) {
        Map<String, HandlerMethod> operations = new TreeMap<>();
        handlers.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith("com.flashsale")) {
                for (String path : info.getPatternValues()) {
                    for (RequestMethod method : methods(info)) {
                        operations.put(method.name() + " " + path, handler);
                    }
                }
            }
        });
        return operations;
    }

    /** Error code to the HTTP status under which it is documented, from the examples of each error response. */
    public static Map<String, String> documentedCodes(JsonNode operation) {
        Map<String, String> codes = new TreeMap<>();
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            if (!response.getKey().startsWith("2")) {
                response.getValue().path("content").path(MediaType.APPLICATION_JSON_VALUE).path("examples")
                        .properties().forEach(example -> codes.put(example.getKey(), response.getKey()));
            }
        }
        return codes;
    }

    /**
     * Each handler declares its refusals with {@code refusals} (its service's annotation), and its
     * description documents exactly those, an example each.
     */
    public static void assertDocumentsWhatEachHandlerDeclares(MockMvc mvc, RequestMappingHandlerMapping handlers,
            Class<? extends Annotation> refusals) throws Exception {
        Map<String, JsonNode> described = described(mvc);
        SoftAssertions softly = new SoftAssertions();
        handled(handlers).forEach((operation, handler) -> {
            ApiErrorCode[] codes = ApiDescriptions.declaredRefusals(handler, refusals);
            softly.assertThat(codes).as("%s declares its refusals", operation).isNotNull();
            if (codes != null) {
                Map<String, String> byCode = new TreeMap<>();
                Arrays.stream(codes).forEach(code -> byCode.put(code.code(), Integer.toString(code.status().value())));
                softly.assertThat(documentedCodes(described.get(operation))).as(operation).isEqualTo(byCode);
            }
        });
        softly.assertAll();
    }

    /**
     * Every documented error code is answered by its operation when its case arises, under its
     * documented status; answers how many cases were checked.
     */
    public static int assertAnswersEveryDocumentedCode(MockMvc mvc, Case cases) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (Map.Entry<String, JsonNode> operation : described(mvc).entrySet()) {
            for (Map.Entry<String, String> documented : documentedCodes(operation.getValue()).entrySet()) {
                String code = documented.getKey();
                RequestBuilder request = cases.arrange(operation.getKey(), code);
                softly.assertThat(request).as("a case producing %s on %s", code, operation.getKey()).isNotNull();
                if (request == null) {
                    continue;
                }
                MvcResult answer = mvc.perform(request).andReturn();
                JsonNode body = JSON.readTree(answer.getResponse().getContentAsString());
                softly.assertThat(answer.getResponse().getStatus() + " " + body.path("error").path("code").asString())
                        .as("%s, the %s case", operation.getKey(), code)
                        .isEqualTo(documented.getValue() + " " + code);
                checked++;
            }
        }
        softly.assertAll();
        return checked;
    }

    /**
     * A request to every endpoint of the service's own handlers but {@code skipped} (path patterns),
     * over HTTP at {@code base}: path variables filled in ({@code 7} for ids, {@code FLASH100}
     * otherwise), {@code body} as JSON on every method but GET.
     */
    public static List<HttpRequest.Builder> requests(RequestMappingHandlerMapping handlers, URI base, String body,
            Set<String> skipped) {
        List<HttpRequest.Builder> requests = new ArrayList<>();
        handlers.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("com.flashsale")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (skipped.contains(pattern)) {
                    continue;
                }
                URI uri = URI.create(base + pattern.replaceAll("\\{[^}]*Id}", "7").replaceAll("\\{[^}]*}", "FLASH100"));
                for (RequestMethod method : methods(info)) {
                    requests.add(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                            .method(method.name(), method == RequestMethod.GET ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body)));
                }
            }
        });
        return requests;
    }

    private static Set<RequestMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? Set.of(RequestMethod.GET) : methods;
    }
}
