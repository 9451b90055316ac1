package com.flashsale.coupon.worker.admin;

import static com.flashsale.coupon.worker.admin.CampaignRequests.CODE;
import static com.flashsale.coupon.worker.admin.CampaignRequests.CODE_MESSAGE;
import static com.flashsale.coupon.worker.admin.ErrorCode.COUPON_NOT_FOUND;
import static com.flashsale.coupon.worker.admin.ErrorCode.FAILED_ISSUANCE_NOT_FOUND;
import static com.flashsale.coupon.worker.admin.ErrorCode.FORBIDDEN;
import static com.flashsale.coupon.worker.admin.ErrorCode.INTERNAL_ERROR;
import static com.flashsale.coupon.worker.admin.ErrorCode.INVALID_REQUEST;
import static com.flashsale.coupon.worker.admin.ErrorCode.STORE_UNAVAILABLE;
import static com.flashsale.coupon.worker.admin.ErrorCode.UNAUTHENTICATED;

import com.flashsale.coupon.web.ApiResponse;
import com.flashsale.coupon.worker.campaign.CampaignAdministration;
import com.flashsale.coupon.worker.campaign.CampaignView;
import com.flashsale.coupon.worker.deadletter.FailedIssuanceReplay;
import com.flashsale.coupon.worker.deadletter.ReplayReport;
import com.flashsale.coupon.worker.deadletter.ReplayResult;
import com.flashsale.coupon.worker.issuance.FailedIssuanceView;
import com.flashsale.coupon.worker.issuance.FailureStatus;
import com.flashsale.coupon.worker.issuance.Holder;
import com.flashsale.coupon.worker.issuance.IssuanceQueries;
import com.flashsale.coupon.worker.issuance.IssuanceSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's issuances for operators: where they stand, who holds one, what failed, and replaying it. */
@RestController
@RequestMapping(path = "/api/v1/admin/campaigns/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "issuances", description = "Counts, holders and failed issuances of a campaign; replaying failed ones")
record IssuanceController(CampaignAdministration campaigns, IssuanceQueries issuances, FailedIssuanceReplay replay) {

    @GetMapping("/issuances")
    @Operation(summary = "Where the campaign's issuances stand",
            description = "Accepted in the Redis ledger, waiting in its outbox, persisted in MySQL, failed, compensated.")
    @Refusals({ INVALID_REQUEST, COUPON_NOT_FOUND, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ApiResponse<IssuanceSummary> summary(@PathVariable @Pattern(regexp = CODE, message = CODE_MESSAGE) String code) {
        CampaignView campaign = campaigns.find(code);
        return ApiResponse.ok(issuances.summary(campaign.id(), campaign.couponCode(), campaign.quantity()));
    }

    @GetMapping("/holders")
    @Operation(summary = "Members holding a coupon", description = "As persisted in MySQL, in the order they were.")
    @Refusals({ INVALID_REQUEST, COUPON_NOT_FOUND, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ApiResponse<PageView<Holder>> holders(@PathVariable @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return ApiResponse.ok(PageView.of(issuances.holders(campaigns.find(code).id(), page, size)));
    }

    @GetMapping("/failed-issuances")
    @Operation(summary = "Failed issuances with their reasons",
            description = "Newest first, optionally of one status; COMPENSATED and NOT_IN_LEDGER ones can be replayed.")
    @Refusals({ INVALID_REQUEST, COUPON_NOT_FOUND, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ApiResponse<PageView<FailedIssuanceView>> failures(
            @PathVariable @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @RequestParam(required = false) FailureStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return ApiResponse.ok(PageView.of(issuances.failures(campaigns.find(code).id(), status, page, size)));
    }

    @PostMapping("/failed-issuances/{id}/replay")
    @Operation(summary = "Replay one failed issuance", description = """
            Once its cause is fixed: persisted if the member (exists, active) and the campaign (active) allow it and \
            stock is left, decided atomically in the Redis ledger, so it is never oversold and never a second coupon; \
            otherwise it stays failed with its new reason. Replaying a closed one changes nothing.""")
    @Refusals({ INVALID_REQUEST, COUPON_NOT_FOUND, FAILED_ISSUANCE_NOT_FOUND, STORE_UNAVAILABLE, INTERNAL_ERROR,
            UNAUTHENTICATED, FORBIDDEN })
    ApiResponse<ReplayResult> replayOne(@PathVariable @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @PathVariable @Positive long id, Principal principal) {
        return ApiResponse.ok(replay.replay(campaigns.find(code), id, Operators.name(principal)));
    }

    @PostMapping("/failed-issuances/replay")
    @Operation(summary = "Replay every open failed issuance of the campaign", description = """
            Every failed issuance still open (COMPENSATED or NOT_IN_LEDGER), oldest first, each as the single replay \
            does; the report counts each outcome of its results. One that stays failed stays open: the next call \
            replays it again, adding to its replayAttempts and to the audit trail each time. Closed ones (REPLAYED, \
            SUPERSEDED) are not replayed again; one closed by another replay meanwhile counts as alreadyResolved.""")
    @Refusals({ INVALID_REQUEST, COUPON_NOT_FOUND, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ApiResponse<ReplayReport> replayAll(@PathVariable @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            Principal principal) {
        return ApiResponse.ok(replay.replayAll(campaigns.find(code), Operators.name(principal)));
    }
}
