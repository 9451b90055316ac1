package com.flashsale.coupon.testsupport;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.springframework.test.web.servlet.ResultMatcher;

/** What every refusal of both services' APIs looks like, for their MockMvc tests. */
public final class EnvelopeMatchers {

    private EnvelopeMatchers() {
    }

    /** Under {@code status}, the envelope with {@code success} false, the error's code and a message, and a timestamp. */
    public static ResultMatcher refused(int status, String code) {
        List<ResultMatcher> envelope = List.of(status().is(status),
                jsonPath("$.success").value(false),
                jsonPath("$.error.code").value(code),
                jsonPath("$.error.message").isNotEmpty(),
                jsonPath("$.timestamp").exists());
        return result -> {
            for (ResultMatcher part : envelope) {
                part.match(result);
            }
        };
    }
}
