package com.flashsale.coupon.worker.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdminAccessInterceptorTest {

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void letsEverythingThroughWhenOpen() throws Exception {
        AdminAccessInterceptor access = new AdminAccessInterceptor(true, new AdminSettings(null));

        assertThat(access.preHandle(new MockHttpServletRequest(), response, new Object())).isTrue();
    }

    @Test
    void letsTheConfiguredTokenThrough() throws Exception {
        AdminAccessInterceptor access = new AdminAccessInterceptor(false, new AdminSettings("s3cret"));

        assertThat(access.preHandle(requestWithToken("s3cret"), response, new Object())).isTrue();
    }

    @Test
    void answersNotFoundToAWrongOrMissingToken() throws Exception {
        AdminAccessInterceptor access = new AdminAccessInterceptor(false, new AdminSettings("s3cret"));

        assertThat(access.preHandle(requestWithToken("s3cre"), response, new Object())).isFalse();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(access.preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), new Object()))
                .isFalse();
    }

    @Test
    void staysClosedWhenNoTokenIsConfigured() throws Exception {
        AdminAccessInterceptor blank = new AdminAccessInterceptor(false, new AdminSettings("  "));
        AdminAccessInterceptor missing = new AdminAccessInterceptor(false, new AdminSettings(null));

        assertThat(blank.preHandle(requestWithToken("  "), response, new Object())).isFalse();
        assertThat(missing.preHandle(requestWithToken(""), new MockHttpServletResponse(), new Object())).isFalse();
    }

    private static MockHttpServletRequest requestWithToken(String token) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(AdminAccessInterceptor.TOKEN_HEADER, token);
        return request;
    }
}
