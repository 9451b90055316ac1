package com.flashsale.coupon.gateway.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The copy gives the issue script's answers, in the script's order of checks (scripts/issue.lua). */
class SoldOutCampaignTest {

    private static final long START = 1_000_000L;
    private static final long END = 2_000_000L;

    @Test
    void refusesHoldersAsAlreadyIssuedAndEveryoneElseAsSoldOut() {
        SoldOutCampaign campaign = SoldOutCampaign.of("7", "ACTIVE", "", "", new long[] {30, 10, 20});

        assertThat(campaign.answer(20, START)).isEqualTo(IssueOutcome.ALREADY_ISSUED);
        assertThat(campaign.answer(10, START)).isEqualTo(IssueOutcome.ALREADY_ISSUED);
        assertThat(campaign.answer(15, START)).isEqualTo(IssueOutcome.SOLD_OUT);
        assertThat(campaign.holders()).containsExactly(10, 20, 30);
    }

    @Test
    void aCampaignNotOpenIsRefusedAsSuchBeforeTheHolderCheck() {
        long[] holders = {10};
        assertThat(SoldOutCampaign.of("7", "PAUSED", "", "", holders).answer(10, START))
                .isEqualTo(IssueOutcome.CAMPAIGN_NOT_OPEN);
        assertThat(SoldOutCampaign.of("7", "", "", "", holders).answer(11, START))
                .isEqualTo(IssueOutcome.CAMPAIGN_NOT_OPEN);
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEndAsTheScriptDoes() {
        SoldOutCampaign campaign = SoldOutCampaign.of("7", "ACTIVE", Long.toString(START), Long.toString(END),
                new long[] {10});

        assertThat(campaign.answer(10, START - 1)).isEqualTo(IssueOutcome.CAMPAIGN_NOT_OPEN);
        assertThat(campaign.answer(10, START)).isEqualTo(IssueOutcome.ALREADY_ISSUED);
        assertThat(campaign.answer(11, END - 1)).isEqualTo(IssueOutcome.SOLD_OUT);
        assertThat(campaign.answer(10, END)).isEqualTo(IssueOutcome.CAMPAIGN_NOT_OPEN);
    }

    @Test
    void anEmptyEndIsOpenEnded() {
        SoldOutCampaign campaign = SoldOutCampaign.of("7", "ACTIVE", Long.toString(START), "", new long[0]);

        assertThat(campaign.answer(1, Long.MAX_VALUE - 1)).isEqualTo(IssueOutcome.SOLD_OUT);
    }

    @Test
    void refusesToCopyWhatTheScriptWouldReadDifferently() {
        assertThatThrownBy(() -> SoldOutCampaign.of("7", "ACTIVE", "1.5e12", "", new long[0]))
                .isInstanceOf(IllegalArgumentException.class);
        // ZSCORE looks members up by Long.toString of the request's id: "007" is not member 7.
        assertThatThrownBy(() -> SoldOutCampaign.holder("007")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoldOutCampaign.holder("x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SoldOutCampaign.holder("9007199254740993")).isEqualTo(9_007_199_254_740_993L);
    }
}
