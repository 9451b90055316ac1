package com.flashsale.coupon.kit.check;

import com.flashsale.coupon.kit.api.Reply;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.store.StoreFingerprint;
import com.flashsale.coupon.kit.store.StoreProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * I6's facts: the stores' fingerprints before and after a set of bad or hostile requests, and what
 * each of those requests was answered.
 */
public record BadInputTrial(StoreFingerprint before, StoreFingerprint after, List<Refusal> refusals) {

    public BadInputTrial {
        refusals = List.copyOf(refusals);
    }

    /**
     * Sends every request to the first gateway, one after the other, between two fingerprints of the
     * stores (for these coupons and the shared reference data). Run it on a settled system: anything
     * still moving would show as a change.
     */
    public static BadInputTrial run(SaleClient client, StoreProbe probe, List<BadRequest> requests,
            String... couponCodes) {
        StoreFingerprint before = probe.fingerprint(couponCodes);
        List<Refusal> refusals = new ArrayList<>();
        for (BadRequest request : requests) {
            Reply reply = client.send(client.services().gateway(), request.method(), request.path(), request.body(),
                    request.caller());
            refusals.add(new Refusal(request.description(), reply.status(), reply.code()));
        }
        return new BadInputTrial(before, probe.fingerprint(couponCodes), refusals);
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
