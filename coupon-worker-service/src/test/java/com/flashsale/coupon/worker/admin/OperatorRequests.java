package com.flashsale.coupon.worker.admin;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The operator API's requests with a JSON body, built one way for every test that sends them. */
final class OperatorRequests {

    private OperatorRequests() {
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static MockHttpServletRequestBuilder newCampaign(String body) {
        return json(post("/api/v1/admin/campaigns"), body);
    }

    /** A change of a campaign's {@code status}, {@code quantity} or {@code window}. */
    static MockHttpServletRequestBuilder changeCampaign(String code, String change, String body) {
        return json(put("/api/v1/admin/campaigns/" + code + "/" + change), body);
    }

    static MockHttpServletRequestBuilder memberStatus(String memberId, String body) {
        return json(put("/api/v1/admin/members/" + memberId + "/status"), body);
    }

    /** The body of a status change. */
    static String status(String status) {
        return "{\"status\":\"" + status + "\"}";
    }
}
