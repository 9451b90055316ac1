package com.flashsale.coupon.worker.admin;

import com.flashsale.coupon.worker.campaign.CampaignStatus;
import com.flashsale.coupon.worker.campaign.CampaignTimes;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Bodies of the campaign endpoints. Times are ISO-8601 instants, kept to the millisecond, from
 * 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z ({@link CampaignTime}).
 */
final class CampaignRequests {

    /** The shape the ledger's keys allow (shared-events LedgerKeys). */
    static final String CODE = "[A-Za-z0-9_-]{1,64}";
    static final String CODE_MESSAGE = "must be 1-64 letters, digits, '-' or '_'";
    static final int MAX_QUANTITY = 10_000_000;
    /**
     * No control character (a NUL, a line break) and no half of a character: MySQL would store a lone
     * surrogate as '?', so the name read back would not be the name sent.
     */
    static final String PRINTABLE = "[^\\p{Cc}\\p{Cs}]*";
    static final String PRINTABLE_MESSAGE = "must hold no control character and no broken character (a lone surrogate)";
    private static final String TIMES = CampaignTimes.RANGE;

    private CampaignRequests() {
    }

    record NewCampaign(
            @Schema(description = "unique for ever: an ended campaign's code is not given again", example = "SPRING25")
            @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String couponCode,
            @Schema(example = "Spring sale, first 500") @NotBlank @Size(max = 100)
            @Pattern(regexp = PRINTABLE, message = PRINTABLE_MESSAGE) String name,
            @Schema(example = "500") @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity,
            @Schema(description = "when it starts selling; may be in the past to sell at once; " + TIMES,
                    example = "2026-12-01T09:00:00Z") @NotNull @CampaignTime Instant startsAt,
            @Schema(description = "when it stops selling; absent for no end, else after startsAt; " + TIMES,
                    example = "2026-12-02T09:00:00Z") @CampaignTime Instant endsAt) {
    }

    record QuantityChange(
            @Schema(description = "never below what was issued", example = "800")
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }

    record WindowChange(
            @Schema(description = "may move only before the sale has started; " + TIMES,
                    example = "2026-12-01T10:00:00Z") @NotNull @CampaignTime Instant startsAt,
            @Schema(description = "absent for no end, else after startsAt; " + TIMES, example = "2026-12-02T10:00:00Z")
            @CampaignTime Instant endsAt) {
    }

    record StatusChange(
            @Schema(description = "PAUSED pauses, ACTIVE resumes, ENDED ends for good", example = "PAUSED")
            @NotNull CampaignStatus status) {
    }
}
