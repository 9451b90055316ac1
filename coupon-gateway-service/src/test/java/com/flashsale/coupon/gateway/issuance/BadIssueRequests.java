package com.flashsale.coupon.gateway.issuance;

import java.util.List;

/**
 * Issue requests the web layer refuses before anything is decided: the slice test checks each
 * answer, the integration test that none of them changes the ledger.
 */
final class BadIssueRequests {

    static final String PATH = "/api/v1/coupons/issue";

    /**
     * Not JSON, not an object, a field missing, null, out of range or of the wrong type; a body that
     * could be read two ways (a key twice, something after the object); a field the API does not define.
     */
    static final List<String> MALFORMED_BODIES = List.of(
            "{",
            "not json",
            "[]",
            "{}",
            "{\"couponCode\":\"FLASH100\"}",
            "{\"memberId\":1}",
            "{\"couponCode\":\"FLASH100\",\"memberId\":null}",
            "{\"couponCode\":\"\",\"memberId\":1}",
            "{\"couponCode\":\"FLASH100\",\"memberId\":0}",
            "{\"couponCode\":\"FLASH100\",\"memberId\":-1}",
            "{\"couponCode\":\"FLASH100\",\"memberId\":99999999999999999999999}",
            "{\"couponCode\":\"FLASH100\",\"memberId\":1.5}",
            "{\"couponCode\":\"FLASH100\",\"memberId\":\"1\"}",
            "{\"couponCode\":\"FLASH100\",\"memberId\":true}",
            "{\"couponCode\":\"FLA}SH\",\"memberId\":1}",
            "{\"couponCode\":\"{coupon:FLASH100}:stock\",\"memberId\":1}",
            "{\"couponCode\":123,\"memberId\":1}",
            "{\"couponCode\":\"FLASH100\",\"memberId\":1,\"memberId\":2}",
            "{\"couponCode\":\"FLASH100\",\"couponCode\":\"ENDED50\",\"memberId\":1}",
            "{\"couponCode\":\"FLASH100\",\"memberId\":1}{\"couponCode\":\"FLASH100\",\"memberId\":2}",
            "{\"couponCode\":\"FLASH100\",\"memberId\":1} 2",
            "{\"couponCode\":\"FLASH100\",\"memberId\":1,\"quantity\":5}",
            "{\"couponCode\":\"FLASH100\",\"memberId\":1,\"member\":{\"id\":2}}");

    /** Larger than {@code coupon.http.max-body-size} (4 KB). */
    static final String OVERSIZED_BODY = "{\"couponCode\":\"FLASH100\",\"memberId\":1,\"padding\":\""
            + "x".repeat(10_000) + "\"}";

    /** A body that is not JSON, sent as what it is. */
    static final String FORM_BODY = "couponCode=FLASH100";

    /** A request that would issue member 1 a coupon, were it read as JSON and answered in JSON. */
    static final String VALID_BODY = "{\"couponCode\":\"FLASH100\",\"memberId\":1}";

    /** The same request in YAML, which the API does not read (and would read without its rules). */
    static final String YAML_BODY = "couponCode: FLASH100\nmemberId: 1.9\nunknownField: 1\n";

    /** Answers the API cannot give: it speaks JSON only. */
    static final List<String> NOT_JSON_ACCEPTED = List.of("application/xml", "text/html", "application/yaml");

    private BadIssueRequests() {
    }
}
