package com.flashsale.coupon.worker.admin;

import static com.flashsale.coupon.worker.admin.CampaignRequests.CODE;
import static com.flashsale.coupon.worker.admin.CampaignRequests.CODE_MESSAGE;
import static com.flashsale.coupon.worker.admin.ErrorCode.CAMPAIGN_CODE_TAKEN;
import static com.flashsale.coupon.worker.admin.ErrorCode.CAMPAIGN_ENDED;
import static com.flashsale.coupon.worker.admin.ErrorCode.CAMPAIGN_STARTED;
import static com.flashsale.coupon.worker.admin.ErrorCode.COUPON_NOT_FOUND;
import static com.flashsale.coupon.worker.admin.ErrorCode.FORBIDDEN;
import static com.flashsale.coupon.worker.admin.ErrorCode.INTERNAL_ERROR;
import static com.flashsale.coupon.worker.admin.ErrorCode.INVALID_REQUEST;
import static com.flashsale.coupon.worker.admin.ErrorCode.PAYLOAD_TOO_LARGE;
import static com.flashsale.coupon.worker.admin.ErrorCode.QUANTITY_BELOW_ISSUED;
import static com.flashsale.coupon.worker.admin.ErrorCode.STALE_VERSION;
import static com.flashsale.coupon.worker.admin.ErrorCode.STORE_UNAVAILABLE;
import static com.flashsale.coupon.worker.admin.ErrorCode.UNAUTHENTICATED;

import com.flashsale.coupon.web.ApiResponse;
import com.flashsale.coupon.worker.admin.CampaignRequests.NewCampaign;
import com.flashsale.coupon.worker.admin.CampaignRequests.QuantityChange;
import com.flashsale.coupon.worker.admin.CampaignRequests.StatusChange;
import com.flashsale.coupon.worker.admin.CampaignRequests.WindowChange;
import com.flashsale.coupon.worker.campaign.AuditEntryView;
import com.flashsale.coupon.worker.campaign.CampaignAdministration;
import com.flashsale.coupon.worker.campaign.CampaignStatus;
import com.flashsale.coupon.worker.campaign.CampaignView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.Principal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaigns for operators: create, read, list, and change them through their lifecycle. Every change
 * answers the campaign with its new version as ETag, and takes the version it was decided on in
 * {@code If-Match} (optional): a stale one is refused with 412.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "campaigns", description = "A campaign's lifecycle; every change is provisioned into the Redis ledger at once and audited")
record CampaignController(CampaignAdministration campaigns) {

    private static final String IF_MATCH_DESCRIPTION = "the version the change was decided on, as the ETag gave it; "
            + "absent or * for the current one";

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a campaign", description = "Active at once: it sells from startsAt on.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "Created",
            headers = @Header(name = HttpHeaders.LOCATION, description = "where the campaign is read",
                    schema = @Schema(type = "string", example = "/api/v1/admin/campaigns/SPRING25")))
    @Refusals({ INVALID_REQUEST, PAYLOAD_TOO_LARGE, CAMPAIGN_CODE_TAKEN, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED,
            FORBIDDEN })
    ResponseEntity<ApiResponse<CampaignView>> create(@RequestBody @Valid NewCampaign request, Principal principal) {
        CampaignView created = campaigns.create(request.couponCode(), request.name(), request.quantity(), request.startsAt(),
                request.endsAt(), Operators.name(principal));
        return ResponseEntity.created(URI.create("/api/v1/admin/campaigns/" + created.couponCode()))
                .eTag(CampaignVersions.etag(created.version()))
                .body(ApiResponse.ok(created));
    }

    @GetMapping
    @Operation(summary = "List campaigns", description = "Oldest first, optionally only those of one status.")
    @Refusals({ INVALID_REQUEST, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ApiResponse<PageView<CampaignView>> list(@RequestParam(required = false) CampaignStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return ApiResponse.ok(PageView.of(campaigns.list(status, page, size)));
    }

    @GetMapping("/{code}")
    @Operation(summary = "Read a campaign", description = "Its version is the ETag. With If-Match, only that version "
            + "is answered: another is refused with 412, as a change decided on it would be.")
    @Parameter(name = HttpHeaders.IF_NONE_MATCH, in = ParameterIn.HEADER, example = "\"3\"",
            description = "the ETag of the campaign as last read: answered 304 without a body while it is still current")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "OK")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "304",
            description = "Not Modified: If-None-Match names the current version; no body", content = @Content)
    @Refusals({ INVALID_REQUEST, COUPON_NOT_FOUND, STALE_VERSION, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED,
            FORBIDDEN })
    ResponseEntity<ApiResponse<CampaignView>> read(@PathVariable @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Parameter(description = "the version the reader expects, as the ETag gave it; absent or * for any. Another "
                    + "version is refused with 412 CAMPAIGN-005", example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        // Read before the store is asked, as a change reads it: a malformed one is a 400 whatever the campaign.
        Long expectedVersion = CampaignVersions.fromIfMatch(ifMatch);
        CampaignView campaign = campaigns.find(code);
        CampaignVersions.requireMatch(campaign, expectedVersion);
        return CampaignVersions.ok(campaign, campaign.version());
    }

    @PutMapping("/{code}/quantity")
    @Operation(summary = "Change the quantity", description = "Never below what was issued; the stock shifts by the change.")
    @Refusals({ INVALID_REQUEST, PAYLOAD_TOO_LARGE, COUPON_NOT_FOUND, CAMPAIGN_ENDED, QUANTITY_BELOW_ISSUED,
            STALE_VERSION, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ResponseEntity<ApiResponse<CampaignView>> changeQuantity(
            @PathVariable @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Parameter(description = IF_MATCH_DESCRIPTION, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody @Valid QuantityChange change, Principal principal) {
        return answer(campaigns.changeQuantity(code, change.quantity(), CampaignVersions.fromIfMatch(ifMatch),
                Operators.name(principal)));
    }

    @PutMapping("/{code}/window")
    @Operation(summary = "Move the time window",
            description = "The whole window before the sale starts; once it has, only the end may move.")
    @Refusals({ INVALID_REQUEST, PAYLOAD_TOO_LARGE, COUPON_NOT_FOUND, CAMPAIGN_ENDED, CAMPAIGN_STARTED, STALE_VERSION,
            STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ResponseEntity<ApiResponse<CampaignView>> moveWindow(
            @PathVariable @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Parameter(description = IF_MATCH_DESCRIPTION, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody @Valid WindowChange change, Principal principal) {
        return answer(campaigns.moveWindow(code, change.startsAt(), change.endsAt(),
                CampaignVersions.fromIfMatch(ifMatch), Operators.name(principal)));
    }

    @PutMapping("/{code}/status")
    @Operation(summary = "Pause, resume or end",
            description = "PAUSED pauses, ACTIVE resumes, ENDED ends for good: an ended campaign cannot be resumed. "
                    + "Setting the status it has changes nothing. The gateway refuses a paused or ended campaign "
                    + "with COUPON-004 from the next request on; one it answers as sold out from its copy, within "
                    + "coupon.sold-out.refresh (1 s).")
    @Refusals({ INVALID_REQUEST, PAYLOAD_TOO_LARGE, COUPON_NOT_FOUND, CAMPAIGN_ENDED, STALE_VERSION, STORE_UNAVAILABLE,
            INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ResponseEntity<ApiResponse<CampaignView>> changeStatus(
            @PathVariable @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @Parameter(description = IF_MATCH_DESCRIPTION, example = "\"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody @Valid StatusChange change, Principal principal) {
        return answer(campaigns.changeStatus(code, change.status(), CampaignVersions.fromIfMatch(ifMatch),
                Operators.name(principal)));
    }

    @GetMapping("/{code}/audit")
    @Operation(summary = "The campaign's audit trail", description = "Who changed what, before and after; newest first.")
    @Refusals({ INVALID_REQUEST, COUPON_NOT_FOUND, STORE_UNAVAILABLE, INTERNAL_ERROR, UNAUTHENTICATED, FORBIDDEN })
    ApiResponse<PageView<AuditEntryView>> audit(@PathVariable @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PageView.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return ApiResponse.ok(PageView.of(campaigns.audit(code, page, size)));
    }

    private static ResponseEntity<ApiResponse<CampaignView>> answer(CampaignView campaign) {
        return CampaignVersions.ok(campaign, campaign.version());
    }
}
