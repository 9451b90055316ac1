package com.flashsale.coupon.worker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.testsupport.DescribedApi;
import com.flashsale.coupon.web.ApiDescriptions;
import com.flashsale.coupon.worker.campaign.CampaignRefusal;
import com.flashsale.coupon.worker.campaign.UnknownCampaignException;
import com.flashsale.coupon.worker.deadletter.UnknownFailedIssuanceException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springdoc.webmvc.ui.SwaggerConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The worker's API description against its controllers: every handler is described with its method
 * and path and nothing else is; each endpoint documents exactly the error codes it declares, with an
 * example each; and every documented error code is answered by its endpoint when the case arises.
 * Whether the features really produce those cases is the integration tests' part. It runs with tokens,
 * as deployed: the refusals of the security chain are answered too.
 */
@ActiveProfiles("local")
@ImportAutoConfiguration({ SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebMvcConfiguration.class, SwaggerConfig.class, SwaggerUiConfigProperties.class,
        SwaggerUiOAuthProperties.class })
@Import(ApiDescriptionConfig.class)
class ApiDescriptionTest extends TokenVerifyingSlice {

    /**
     * Every endpoint, by "METHOD path" as the description names it, with a request it accepts and one it
     * refuses as invalid: bad input where it reads some, otherwise a body where it reads none.
     */
    private static final Map<String, Requests> ENDPOINTS = Map.ofEntries(
            endpoint("POST /api/v1/admin/campaigns",
                    json(post("/api/v1/admin/campaigns"), AdminBadRequests.campaign("\"couponCode\":\"SPRING25\"")),
                    json(post("/api/v1/admin/campaigns"), "{}")),
            endpoint("GET /api/v1/admin/campaigns",
                    get("/api/v1/admin/campaigns"), get("/api/v1/admin/campaigns").param("size", "0")),
            endpoint("GET /api/v1/admin/campaigns/{code}",
                    get("/api/v1/admin/campaigns/SPRING25"), get("/api/v1/admin/campaigns/SPRING 25")),
            endpoint("PUT /api/v1/admin/campaigns/{code}/quantity",
                    json(put("/api/v1/admin/campaigns/SPRING25/quantity"), "{\"quantity\":600}"),
                    json(put("/api/v1/admin/campaigns/SPRING25/quantity"), "{\"quantity\":0}")),
            endpoint("PUT /api/v1/admin/campaigns/{code}/window",
                    json(put("/api/v1/admin/campaigns/SPRING25/window"), "{\"startsAt\":\"2026-12-01T10:00:00Z\"}"),
                    json(put("/api/v1/admin/campaigns/SPRING25/window"), "{}")),
            endpoint("PUT /api/v1/admin/campaigns/{code}/status",
                    json(put("/api/v1/admin/campaigns/SPRING25/status"), "{\"status\":\"PAUSED\"}"),
                    json(put("/api/v1/admin/campaigns/SPRING25/status"), "{\"status\":\"OPEN\"}")),
            endpoint("GET /api/v1/admin/campaigns/{code}/audit",
                    get("/api/v1/admin/campaigns/SPRING25/audit"),
                    get("/api/v1/admin/campaigns/SPRING25/audit").param("page", "-1")),
            endpoint("GET /api/v1/admin/campaigns/{code}/issuances",
                    get("/api/v1/admin/campaigns/SPRING25/issuances"), get("/api/v1/admin/campaigns/SPRING!/issuances")),
            endpoint("GET /api/v1/admin/campaigns/{code}/holders",
                    get("/api/v1/admin/campaigns/SPRING25/holders"),
                    get("/api/v1/admin/campaigns/SPRING25/holders").param("size", "501")),
            endpoint("GET /api/v1/admin/campaigns/{code}/failed-issuances",
                    get("/api/v1/admin/campaigns/SPRING25/failed-issuances"),
                    get("/api/v1/admin/campaigns/SPRING25/failed-issuances").param("status", "LOST")),
            endpoint("POST /api/v1/admin/campaigns/{code}/failed-issuances/{id}/replay",
                    post("/api/v1/admin/campaigns/SPRING25/failed-issuances/7/replay"),
                    post("/api/v1/admin/campaigns/SPRING25/failed-issuances/-7/replay")),
            endpoint("POST /api/v1/admin/campaigns/{code}/failed-issuances/replay",
                    post("/api/v1/admin/campaigns/SPRING25/failed-issuances/replay"),
                    post("/api/v1/admin/campaigns/SPRING!/failed-issuances/replay")),
            endpoint("POST /api/v1/coupons/stock/init",
                    post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", "100"),
                    post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", "0")),
            endpoint("PUT /api/v1/admin/members/{memberId}/status",
                    json(put("/api/v1/admin/members/7/status"), "{\"status\":\"INACTIVE\"}"),
                    json(put("/api/v1/admin/members/7/status"), "{\"status\":\"GONE\"}")),
            endpoint("POST /api/v1/admin/reconciliation",
                    post("/api/v1/admin/reconciliation"), json(post("/api/v1/admin/reconciliation"), "{\"dryRun\":true}")),
            endpoint("POST /api/test/reset",
                    post("/api/test/reset"), json(post("/api/test/reset"), "{\"dryRun\":true}")));

    /** A request an endpoint accepts, and one it refuses as invalid. */
    private record Requests(RequestBuilder valid, RequestBuilder invalid) {
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void describesEveryHandlerWithItsMethodAndPathAndNothingElse() throws Exception {
        Set<String> handled = DescribedApi.handled(handlers).keySet();

        assertThat(handled).isNotEmpty();
        assertThat(DescribedApi.described(mvc).keySet()).containsExactlyInAnyOrderElementsOf(handled);
        assertThat(ENDPOINTS.keySet()).as("a valid and an invalid request for every endpoint")
                .containsExactlyInAnyOrderElementsOf(handled);
    }

    @Test
    void documentsExactlyTheRefusalsEachHandlerDeclaresWithAnExampleEach() throws Exception {
        DescribedApi.assertDocumentsWhatEachHandlerDeclares(mvc, handlers, Refusals.class);
    }

    /**
     * What every endpoint can answer whatever it does: a query parameter it does not read (or a body
     * where it reads none) is a 400, a store failing otherwise than by an outage a 500; and every endpoint
     * that reads a body refuses one over 4 KB before reading it.
     */
    @Test
    void documentsTheRefusalsEveryEndpointCanAnswer() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        DescribedApi.described(mvc).forEach((operation, description) -> {
            Map<String, String> documented = DescribedApi.documentedCodes(description);
            softly.assertThat(documented).as(operation).containsEntry("COMMON-001", "400").containsEntry("COMMON-500", "500");
            if (description.has("requestBody")) {
                softly.assertThat(documented).as(operation + ", which reads a body").containsEntry("COMMON-003", "413");
            }
        });
        softly.assertAll();
    }

    /**
     * A campaign's version travels in headers: each answer that carries a campaign describes its ETag (a
     * creation its Location too), a read also its 304 to an If-None-Match naming the current version, and
     * the body of each stays described.
     */
    @Test
    void describesTheVersionHeadersAndTheNotModifiedAnswerOfACampaign() throws Exception {
        Map<String, JsonNode> operations = DescribedApi.described(mvc);
        JsonNode read = operations.get("GET /api/v1/admin/campaigns/{code}").path("responses");
        JsonNode created = operations.get("POST /api/v1/admin/campaigns").path("responses").path("201");

        assertThat(names(read.path("200").path("headers"))).containsExactly("ETag");
        assertThat(bodySchema(read.path("200"))).isEqualTo("#/components/schemas/ApiResponseCampaignView");
        assertThat(names(read.path("304").path("headers"))).containsExactly("ETag");
        assertThat(read.path("304").path("description").asString()).contains("If-None-Match");
        assertThat(read.path("304").has("content")).as("a 304 has no body").isFalse();
        assertThat(names(created.path("headers"))).containsExactlyInAnyOrder("Location", "ETag");
        assertThat(bodySchema(created)).isEqualTo("#/components/schemas/ApiResponseCampaignView");
        for (String change : List.of("quantity", "window", "status")) {
            JsonNode changed = operations.get("PUT /api/v1/admin/campaigns/{code}/" + change).path("responses").path("200");
            assertThat(names(changed.path("headers"))).as(change).containsExactly("ETag");
            assertThat(bodySchema(changed)).as(change).isEqualTo("#/components/schemas/ApiResponseCampaignView");
        }
    }

    /** The replay of them all: a count for every outcome its results can hold, and what a second call does. */
    @Test
    void describesTheReplayReportsCountsAndWhatTheNextReplayDoes() throws Exception {
        JsonNode description = DescribedApi.description(mvc);
        JsonNode report = description.path("components").path("schemas").path("ReplayReport").path("properties");
        JsonNode outcomes = description.path("components").path("schemas").path("ReplayResult").path("properties")
                .path("outcome").path("enum");
        String replayAll = DescribedApi.described(mvc).get("POST /api/v1/admin/campaigns/{code}/failed-issuances/replay")
                .path("description").asString();

        assertThat(outcomes.values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("PERSISTED", "ALREADY_HELD", "STILL_FAILED", "ALREADY_RESOLVED");
        assertThat(names(report)).containsExactly("persisted", "alreadyHeld", "stillFailed", "alreadyResolved", "results");
        assertThat(replayAll).contains("the next call replays it again").doesNotContain("nothing left to replay");
    }

    /** The audit's before is sent as null for a creation, and described so. */
    @Test
    void describesTheAuditEntrysBeforeAsItIsSent() throws Exception {
        JsonNode before = DescribedApi.description(mvc).path("components").path("schemas").path("AuditEntryView")
                .path("properties").path("before");

        assertThat(before.path("description").asString()).contains("null for a creation").doesNotContain("absent");
        assertThat(before.path("type").values()).extracting(JsonNode::asString).containsExactlyInAnyOrder("string", "null");
    }

    @Test
    void securesEveryEndpointWithTheOperatorsBearerToken() throws Exception {
        JsonNode description = DescribedApi.description(mvc);
        JsonNode scheme = description.path("components").path("securitySchemes").path(ApiDescriptions.OPERATOR);
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("description").asString()).contains("coupon:admin");
        assertThat(description.path("security").toString()).contains(ApiDescriptions.OPERATOR);
    }

    @Test
    void servesSwaggerUiAndTheYamlDescriptionWithoutAToken() throws Exception {
        DescribedApi.assertServedWithoutAToken(mvc);
    }

    /** The other half of "every documented error code is produced by some test": here, each through its endpoint. */
    @Test
    void answersEveryDocumentedErrorCodeFromItsEndpoint() throws Exception {
        assertThat(DescribedApi.assertAnswersEveryDocumentedCode(mvc, this::arrange)).isGreaterThan(40);
    }

    /** Sets the features up to produce {@code code}, and answers the request that meets it. */
    private RequestBuilder arrange(String operation, String code) {
        Mockito.reset(campaigns, issuances, replay, members, reset, reconciliation);
        given(campaigns.find(any())).willReturn(SPRING25);
        switch (code) {
            case "COMMON-001" -> {
                return withToken(ENDPOINTS.get(operation).invalid(), tokens.operator());
            }
            case "COMMON-003" -> {
                return withToken(oversized(ENDPOINTS.get(operation).valid()), tokens.operator());
            }
            case "AUTH-001" -> {
                return ENDPOINTS.get(operation).valid();
            }
            case "AUTH-002" -> {
                return withToken(ENDPOINTS.get(operation).valid(), tokens.member(7));
            }
            case "COMMON-002" -> everyCallThrows(new DataAccessResourceFailureException("Connection refused"));
            // A store that answered, refusing what it was asked: no outage.
            case "COMMON-500" -> everyCallThrows(new DataIntegrityViolationException("Data too long for column 'name'"));
            case "COMMON-004" -> given(reconciliation.runNow()).willReturn(Optional.empty());
            case "COUPON-001" -> everyCallThrows(new UnknownCampaignException("SPRING25"));
            case "MEMBER-001" -> everyCallThrows(new UnknownMemberException(7));
            case "ISSUANCE-001" -> willThrow(new UnknownFailedIssuanceException("SPRING25", 7)).given(replay)
                    .replay(any(), anyLong(), any());
            case "CAMPAIGN-001" -> everyCallThrows(new CampaignRefusal(CampaignRefusal.Reason.CODE_TAKEN, "taken"));
            case "CAMPAIGN-002" -> everyCallThrows(new CampaignRefusal(CampaignRefusal.Reason.ENDED, "ended"));
            case "CAMPAIGN-003" -> everyCallThrows(new CampaignRefusal(CampaignRefusal.Reason.SALE_STARTED, "started"));
            case "CAMPAIGN-004" -> everyCallThrows(new CampaignRefusal(CampaignRefusal.Reason.BELOW_ISSUED, "below"));
            case "CAMPAIGN-005" -> {
                if (operation.equals("GET /api/v1/admin/campaigns/{code}")) {
                    // The read itself compares: SPRING25 is at version 3.
                    return withToken(get("/api/v1/admin/campaigns/SPRING25").header("If-Match", "\"1\""),
                            tokens.operator());
                }
                everyCallThrows(new CampaignRefusal(CampaignRefusal.Reason.STALE_VERSION, "stale"));
            }
            default -> {
                return null;
            }
        }
        return withToken(ENDPOINTS.get(operation).valid(), tokens.operator());
    }

    /** {@code request} as sent with {@code token}; the shared request itself stays as it is. */
    private static RequestBuilder withToken(RequestBuilder request, String token) {
        if (request == null) {
            return null;
        }
        return context -> {
            MockHttpServletRequest built = request.buildRequest(context);
            built.addHeader("Authorization", "Bearer " + token);
            return built;
        };
    }

    /** {@code request} with a body larger than the 4 KB any request may carry, whatever it holds. */
    private static RequestBuilder oversized(RequestBuilder request) {
        return context -> {
            MockHttpServletRequest built = request.buildRequest(context);
            built.setContent(("{\"name\":\"" + " ".repeat(5_000) + "\"}").getBytes(StandardCharsets.UTF_8));
            return built;
        };
    }

    private static List<String> names(JsonNode object) {
        return object.properties().stream().map(Map.Entry::getKey).toList();
    }

    private static String bodySchema(JsonNode response) {
        return response.path("content").path(MediaType.APPLICATION_JSON_VALUE).path("schema").path("$ref").asString();
    }

    private void everyCallThrows(RuntimeException failure) {
        willThrow(failure).given(campaigns).create(any(), any(), anyInt(), any(), any(), any());
        willThrow(failure).given(campaigns).find(any());
        willThrow(failure).given(campaigns).list(any(), anyInt(), anyInt());
        willThrow(failure).given(campaigns).changeQuantity(any(), anyInt(), any(), any());
        willThrow(failure).given(campaigns).initStock(any(), anyInt(), any());
        willThrow(failure).given(campaigns).moveWindow(any(), any(), any(), any(), any());
        willThrow(failure).given(campaigns).changeStatus(any(), any(), any(), any());
        willThrow(failure).given(campaigns).audit(any(), anyInt(), anyInt());
        willThrow(failure).given(members).changeStatus(anyLong(), any());
        willThrow(failure).given(reset).reset();
        willThrow(failure).given(reconciliation).runNow();
    }

    private static Map.Entry<String, Requests> endpoint(String operation, RequestBuilder valid, RequestBuilder invalid) {
        return Map.entry(operation, new Requests(valid, invalid));
    }

    private static RequestBuilder json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
