package com.flashsale.coupon.worker.admin;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.RequestBuilder;

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
                campaignStatus("{\"status\":\"BOGUS\"}"),
                campaignStatus("{\"status\":\"paused\"}"),
                campaignStatus("{}"),
                campaignStatus("{\"status\":null}"),
                campaignStatus("not json"),
                campaignStatus(""),
                campaignStatus("{\"status\":\"ACTIVE\",\"status\":\"PAUSED\"}"),
                campaignStatus("{\"status\":\"PAUSED\"}{\"status\":\"ACTIVE\"}"),
                campaignStatus("{\"status\":\"PAUSED\",\"quantity\":1000000}"),
                put("/api/v1/admin/members/abc/status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"INACTIVE\"}"),
                put("/api/v1/admin/members/0/status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"INACTIVE\"}"),
                put("/api/v1/admin/members/7/status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"DELETED\"}"),
                put("/api/v1/admin/members/7/status").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"INACTIVE\",\"memberId\":8}"));
    }

    private static RequestBuilder campaignStatus(String body) {
        return put("/api/v1/admin/campaigns/FLASH100/status").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
