package com.flashsale.coupon.gateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.flashsale.coupon.gateway.redis.RedisConnections;
import com.flashsale.coupon.gateway.web.ApiDescriptionConfig;
import com.flashsale.coupon.gateway.web.GatewayWebMvcTest;
import com.flashsale.coupon.gateway.web.Refusals;
import com.flashsale.coupon.gateway.web.TokenVerifyingSlice;
import com.flashsale.coupon.testsupport.DescribedApi;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's API description against its controllers (the bench one included): every handler is
 * described with its method and path and nothing else is, each endpoint documents exactly the error
 * codes it declares with an example each, and every documented code is answered by its endpoint. It
 * runs with tokens, as deployed, so the refusals of the security chain and the rate limits are
 * answered too; each request speaks for a member of its own, and a member's allowance is one request,
 * so that only the case meant to meet the per-member limit does.
 */
@GatewayWebMvcTest
@ActiveProfiles({ "local", "bench" })
@ImportAutoConfiguration({ SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebMvcConfiguration.class, SwaggerConfig.class, SwaggerUiConfigProperties.class,
        SwaggerUiOAuthProperties.class })
@Import(ApiDescriptionConfig.class)
class ApiDescriptionTest extends TokenVerifyingSlice {

    private static final String ISSUE = "POST /api/v1/coupons/issue";
    private static final String STOCK = "GET /api/v1/coupons/stock/{couponCode}";
    private static final String BENCH = "POST /bench/constant";
    private static final String ISSUANCE = "GET /api/v1/coupons/{couponCode}/issuance";
    private static final AtomicLong members = new AtomicLong(1000);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @MockitoBean
    CouponIssuer issuer;

    @MockitoBean
    RedisConnections redis;

    @MockitoBean
    IssuedLedger ledger;

    @DynamicPropertySource
    static void anAllowanceOfOneRequest(DynamicPropertyRegistry registry) {
        registry.add("coupon.rate-limit.per-member.requests", () -> "1");
        registry.add("coupon.rate-limit.per-member.period", () -> "1h");
    }

    @Test
    void describesEveryHandlerWithItsMethodAndPathAndNothingElse() throws Exception {
        Set<String> handled = DescribedApi.handled(handlers).keySet();

        assertThat(handled).contains(ISSUE, STOCK, BENCH, ISSUANCE);
        assertThat(DescribedApi.described(mvc).keySet()).containsExactlyInAnyOrderElementsOf(handled);
    }

    @Test
    void documentsExactlyTheRefusalsEachHandlerDeclaresWithAnExampleEach() throws Exception {
        DescribedApi.assertDocumentsWhatEachHandlerDeclares(mvc, handlers, Refusals.class);
    }

    @Test
    void securesTheMemberEndpointsForMembersAndTheStockReadForOperators() throws Exception {
        JsonNode description = DescribedApi.description(mvc);
        JsonNode schemes = description.path("components").path("securitySchemes");
        assertThat(schemes.path("member").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("operator").path("description").asString()).contains("coupon:admin");
        Map<String, JsonNode> operations = DescribedApi.described(mvc);
        for (String member : List.of(ISSUE, ISSUANCE, BENCH)) {
            assertThat(operations.get(member).path("security").toString()).as(member).contains("member").doesNotContain("operator");
        }
        assertThat(operations.get(STOCK).path("security").toString()).contains("operator").doesNotContain("member");
    }

    @Test
    void servesSwaggerUiAndTheYamlDescriptionWithoutAToken() throws Exception {
        DescribedApi.assertServedWithoutAToken(mvc);
    }

    @Test
    void answersEveryDocumentedErrorCodeFromItsEndpoint() throws Exception {
        assertThat(DescribedApi.assertAnswersEveryDocumentedCode(mvc, this::arrange)).isEqualTo(31);
    }

    /** Sets the collaborators up to produce {@code code} on {@code operation}, and answers the request that meets it. */
    @SuppressWarnings("unchecked")
    private RequestBuilder arrange(String operation, String code) throws Exception {
        Mockito.reset(issuer, redis, ledger);
        RedisCommands<String, String> commands = mock(RedisCommands.class);
        given(redis.requests()).willReturn(commands);
        given(ledger.holding(anyString(), anyLong())).willReturn(new IssuedLedger.Holding.NotIssued());
        given(issuer.issue(anyString(), anyLong())).willReturn(IssueOutcome.ISSUED);
        long member = members.incrementAndGet();
        String token = operation.equals(STOCK) ? tokens.operator() : tokens.member(member);
        switch (code) {
            case "COMMON-001" -> {
                return withToken(switch (operation) {
                    case STOCK -> get("/api/v1/coupons/stock/FLASH!100");
                    case ISSUANCE -> get("/api/v1/coupons/FLASH100/issuance").param("memberId", "0");
                    default -> json(path(operation), "{}");
                }, token);
            }
            case "COMMON-003" -> {
                return withToken(json(path(operation), BadIssueRequests.OVERSIZED_BODY), token);
            }
            case "AUTH-001" -> {
                return valid(operation, member);
            }
            case "AUTH-002" -> {
                // A member's token on the operator's endpoint; another member's request on a member's.
                return operation.equals(STOCK) ? withToken(valid(operation, member), tokens.member(member))
                        : withToken(valid(operation, member + 1), token);
            }
            case "RATE-001" -> {
                // The member's one request of the hour, then the one the limit refuses.
                mvc.perform(withToken(valid(operation, member), token)).andExpect(status().isOk());
            }
            case "COMMON-002" -> {
                given(issuer.issue(anyString(), anyLong())).willThrow(new RedisConnectionException("refused"));
                given(redis.requests()).willThrow(new RedisConnectionException("refused"));
                given(ledger.holding(anyString(), anyLong())).willThrow(new RedisConnectionException("refused"));
            }
            case "COMMON-500" -> {
                given(issuer.issue(anyString(), anyLong())).willThrow(new IllegalStateException("bug"));
                given(redis.requests()).willThrow(new IllegalStateException("bug"));
                given(ledger.holding(anyString(), anyLong())).willThrow(new IllegalStateException("bug"));
            }
            case "COUPON-001" -> {
                given(issuer.issue(anyString(), anyLong())).willReturn(IssueOutcome.COUPON_NOT_FOUND);
                given(commands.hget(anyString(), anyString())).willReturn(null);
                given(ledger.holding(anyString(), anyLong())).willReturn(new IssuedLedger.Holding.UnknownCoupon());
            }
            default -> {
                IssueOutcome outcome = Arrays.stream(IssueOutcome.values())
                        .filter(o -> o.refusal() != null && o.refusal().code().equals(code)).findFirst().orElse(null);
                if (outcome == null) {
                    return null;
                }
                given(issuer.issue(anyString(), anyLong())).willReturn(outcome);
            }
        }
        return withToken(valid(operation, member), token);
    }

    /** A request of {@code operation} that names {@code member} where the endpoint reads one, without a token. */
    private static MockHttpServletRequestBuilder valid(String operation, long member) {
        return switch (operation) {
            case STOCK -> get("/api/v1/coupons/stock/FLASH100");
            case ISSUANCE -> get("/api/v1/coupons/FLASH100/issuance").param("memberId", Long.toString(member));
            default -> json(path(operation), "{\"couponCode\":\"FLASH100\",\"memberId\":" + member + "}");
        };
    }

    private static String path(String operation) {
        return operation.equals(ISSUE) ? BadIssueRequests.PATH : "/bench/constant";
    }

    private static RequestBuilder withToken(MockHttpServletRequestBuilder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }

    private static MockHttpServletRequestBuilder json(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
