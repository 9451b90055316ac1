package com.flashsale.coupon.worker.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.events.LedgerKeys.CampaignFields;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void writesTimesAsEpochMillisAndAnOpenEndAsEmpty() {
        Campaign openEnded = new Campaign(2, "FLASH100", 100, "ACTIVE", START, null);

        assertThat(openEnded.ledgerFields())
                .containsEntry(CampaignFields.ID, "2")
                .containsEntry(CampaignFields.QUANTITY, "100")
                .containsEntry(CampaignFields.STATUS, "ACTIVE")
                .containsEntry(CampaignFields.STARTS_AT, "1735689600000")
                .containsEntry(CampaignFields.ENDS_AT, "")
                .hasSize(5);
    }

    @Test
    void writesAnEndWhenThereIsOne() {
        Campaign ended = new Campaign(3, "ENDED50", 50, "ACTIVE", START, Instant.parse("2025-01-02T00:00:00Z"));

        assertThat(ended.ledgerFields()).containsEntry(CampaignFields.ENDS_AT, "1735776000000");
    }
}
