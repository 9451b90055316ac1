package com.flashsale.coupon.worker.admin;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import static com.flashsale.coupon.worker.admin.OperatorRequests.changeCampaign;
import static com.flashsale.coupon.worker.admin.OperatorRequests.json;
import static com.flashsale.coupon.worker.admin.OperatorRequests.memberStatus;
import static com.flashsale.coupon.worker.admin.OperatorRequests.newCampaign;
import static com.flashsale.coupon.worker.admin.OperatorRequests.status;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Operator requests that validation refuses before anything is read or written, bodies that could be
 * read two ways or carry fields the endpoint does not define among them: the slice test checks each
 * answer, the integration test that none of them changes MySQL or Redis.
 */
final class AdminBadRequests {

    private AdminBadRequests() {
    }

    static List<RequestBuilder> all() {
        return List.of(
                post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", "0"),
                post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", "10000001"),
                post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100").param("quantity", "abc"),
                post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100"),
                post("/api/v1/coupons/stock/init").param("couponCode", " ").param("quantity", "10"),
                post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100 ").param("quantity", "10"),
                post("/api/v1/coupons/stock/init").param("couponCode", "FLASH100!").param("quantity", "10"),
                campaignStatus("{\"status\":\"BOGUS\"}"),
                campaignStatus("{\"status\":\"paused\"}"),
                campaignStatus("{}"),
                campaignStatus("{\"status\":null}"),
                campaignStatus("not json"),
                campaignStatus(""),
                campaignStatus("{\"status\":\"ACTIVE\",\"status\":\"PAUSED\"}"),
                campaignStatus("{\"status\":\"PAUSED\"}{\"status\":\"ACTIVE\"}"),
                campaignStatus("{\"status\":\"PAUSED\",\"quantity\":1000000}"),
                campaignStatus("{\"status\":2}"),
                campaignStatus("{\"status\":\"2\"}"),
                json(put("/api/v1/admin/campaigns/FLASH100/status").header("If-Match", "version three"),
                        "{\"status\":\"PAUSED\"}"),
                campaignStatus("{\"status\":\"PAUSED\"}").header("If-Match", "W/\"1\""),
                campaignStatus("{\"status\":\"PAUSED\"}").header("If-Match", "1"),
                campaignStatus("{\"status\":\"PAUSED\"}").header("If-Match", "\"01\""),
                changeCampaign("FLASH 100", "status", status("PAUSED")),
                newCampaign("{}"),
                newCampaign("not json"),
                newCampaign(campaign("\"couponCode\":\"NEW 1\"")),
                newCampaign(campaign("\"couponCode\":\"" + "X".repeat(65) + "\"")),
                newCampaign(campaign("\"name\":\" \"")),
                newCampaign(campaign("\"name\":\"" + "n".repeat(101) + "\"")),
                newCampaign(campaign("\"name\":\"Spring\\u0000sale\"")),
                newCampaign(campaign("\"name\":\"Spring\\nsale\"")),
                newCampaign(campaign("\"name\":\"Spring \\ud83d sale\"")),
                newCampaign(campaign("\"quantity\":0")),
                newCampaign(campaign("\"quantity\":10000001")),
                newCampaign(campaign("\"quantity\":1.5")),
                newCampaign(campaign("\"quantity\":\"10\"")),
                newCampaign(campaign("\"startsAt\":null")),
                newCampaign(campaign("\"startsAt\":\"tomorrow\"")),
                newCampaign(campaign("\"startsAt\":1796115600")),
                newCampaign(campaign("\"startsAt\":\"1796115600\"")),
                newCampaign(campaign("\"startsAt\":\"2026-12-01T09:00:00\"")),
                newCampaign(campaign("\"startsAt\":\"+10000-01-01T00:00:00Z\"")),
                newCampaign(campaign("\"startsAt\":\"-0005-01-01T00:00:00Z\"")),
                newCampaign(campaign("\"startsAt\":\"1969-12-31T23:59:59.999Z\"")),
                newCampaign(campaign("\"startsAt\":\"2026-12-01T09:00:00Z\",\"endsAt\":\"+10000-01-01T00:00:00Z\"")),
                campaignList("size", "0"),
                campaignList("size", "201"),
                campaignList("page", "-1"),
                campaignList("page", "2147483647"),
                campaignList("page", "1000001"),
                campaignList("status", "OPEN"),
                // In the query string, as clients send them.
                get("/api/v1/admin/campaigns?size=1&size=2"),
                get("/api/v1/admin/campaigns?sort=code"),
                post("/api/v1/coupons/stock/init?couponCode=FLASH100&quantity=70&quantity=10"),
                post("/api/v1/admin/campaigns/FLASH100/failed-issuances/replay?dryRun=true"),
                post("/api/v1/admin/campaigns/FLASH100/failed-issuances/replay")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("dryRun=true"),
                // A body where the endpoint reads none: the reset or the replay would run for real.
                json(post("/api/test/reset"), "{\"dryRun\":true}"),
                post("/api/test/reset").contentType("application/yaml").content("dryRun: true"),
                post("/api/v1/admin/reconciliation").contentType(MediaType.TEXT_PLAIN).content("hello"),
                json(post("/api/v1/admin/campaigns/FLASH100/failed-issuances/replay"), "{\"ids\":[1,2]}"),
                get("/api/v1/admin/campaigns/FLASH100!"),
                // A read's If-Match is read as strictly as a change's.
                get("/api/v1/admin/campaigns/FLASH100").header("If-Match", "W/\"1\""),
                get("/api/v1/admin/campaigns/FLASH100").header("If-Match", "1"),
                quantity("{}"),
                quantity("{\"quantity\":0}"),
                quantity("{\"quantity\":-5}"),
                quantity("{\"quantity\":100}").header("If-Match", "\"-1\""),
                window("{}"),
                window("{\"startsAt\":\"2026-13-01T00:00:00Z\"}"),
                window("{\"startsAt\":1796115600}"),
                window("{\"startsAt\":\"+10000-01-01T00:00:00Z\"}"),
                window("{\"startsAt\":\"-0005-01-01T00:00:00Z\"}"),
                window("{\"startsAt\":\"2026-12-01T10:00:00Z\",\"endsAt\":\"+10000-01-01T00:00:00Z\"}"),
                get("/api/v1/admin/campaigns/FLASH100/audit").param("size", "1000"),
                get("/api/v1/admin/campaigns/FLASH100/audit").param("page", "2147483647"),
                get("/api/v1/admin/campaigns/FLASH100/holders").param("page", "2147483647"),
                get("/api/v1/admin/campaigns/FLASH100/failed-issuances").param("page", "2147483647"),
                get("/api/v1/admin/campaigns/FLASH100/holders").param("size", "0"),
                get("/api/v1/admin/campaigns/FLASH100/holders").param("page", "x"),
                get("/api/v1/admin/campaigns/FLASH100/failed-issuances").param("status", "LOST"),
                get("/api/v1/admin/campaigns/{code}/issuances", "FLASH 100"),
                post("/api/v1/admin/campaigns/FLASH100/failed-issuances/0/replay"),
                post("/api/v1/admin/campaigns/FLASH100/failed-issuances/abc/replay"),
                post("/api/v1/admin/campaigns/FLASH-100!/failed-issuances/replay"),
                memberStatus("abc", "{\"status\":\"INACTIVE\"}"),
                memberStatus("0", "{\"status\":\"INACTIVE\"}"),
                memberStatus("7", "{\"status\":\"DELETED\"}"),
                memberStatus("7", "{\"status\":1}"),
                memberStatus("7", "{\"status\":\"INACTIVE\",\"memberId\":8}"));
    }

    /** A request and the status it is refused with. */
    record Refusal(RequestBuilder request, int status) {
    }

    /**
     * Requests that would change something were they JSON and answered in JSON: a YAML body is
     * {@code 415}, an answer asked for in another format {@code 406}, both before the handler runs.
     */
    static List<Refusal> outsideJson() {
        return List.of(
                new Refusal(put("/api/v1/admin/campaigns/FLASH100/status").contentType("application/yaml")
                        .content("status: PAUSED\n"), 415),
                new Refusal(post("/api/v1/admin/campaigns").contentType("application/yaml")
                        .content("couponCode: NEW1\nname: New\nquantity: \"10\"\nstartsAt: 2026-12-01T09:00:00Z\nbogus: 1\n"), 415),
                new Refusal(campaignStatus("{\"status\":\"PAUSED\"}").accept(MediaType.APPLICATION_XML), 406),
                new Refusal(newCampaign(campaign("\"couponCode\":\"NEW1\"")).accept(MediaType.TEXT_HTML), 406),
                new Refusal(quantity("{\"quantity\":150}").accept("application/yaml"), 406),
                new Refusal(post("/api/v1/admin/campaigns/FLASH100/failed-issuances/replay")
                        .accept(MediaType.APPLICATION_XML), 406),
                new Refusal(get("/api/v1/admin/campaigns/NOPE").accept(MediaType.APPLICATION_XML), 406));
    }

    /** A valid new campaign's body with one field replaced. */
    static String campaign(String replacement) {
        String field = replacement.substring(0, replacement.indexOf(':'));
        StringBuilder body = new StringBuilder("{");
        for (String pair : List.of("\"couponCode\":\"NEW1\"", "\"name\":\"New\"", "\"quantity\":10",
                "\"startsAt\":\"2026-12-01T09:00:00Z\"")) {
            body.append(body.length() > 1 ? "," : "").append(pair.startsWith(field) ? replacement : pair);
        }
        return body.append('}').toString();
    }

    private static MockHttpServletRequestBuilder campaignStatus(String body) {
        return changeCampaign("FLASH100", "status", body);
    }

    private static MockHttpServletRequestBuilder quantity(String body) {
        return changeCampaign("FLASH100", "quantity", body);
    }

    private static RequestBuilder window(String body) {
        return changeCampaign("FLASH100", "window", body);
    }

    private static RequestBuilder campaignList(String parameter, String value) {
        return get("/api/v1/admin/campaigns").param(parameter, value);
    }
}
