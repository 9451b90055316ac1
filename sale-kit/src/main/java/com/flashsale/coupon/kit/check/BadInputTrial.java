package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.store.StoreFingerprint;
import java.util.List;

/**
 * I6's facts: the stores' fingerprints before and after a set of bad or hostile requests, and what
 * each of those requests was answered.
 */
public record BadInputTrial(StoreFingerprint before, StoreFingerprint after, List<Refusal> refusals) {

    public BadInputTrial {
        refusals = List.copyOf(refusals);
    }

    /** One bad request and its answer: {@code code} is the envelope's error code ({@code null} when none). */
    public record Refusal(String request, int status, String code) {

        boolean clear() {
            return status >= 400 && status < 500 && code != null && !code.isBlank();
        }

        @Override
        public String toString() {
            return request + " -> " + status + (code == null ? "" : " " + code);
        }
    }
}
