package com.flashsale.coupon.worker.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.coupon.worker.campaign.CampaignRefusal.Reason;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The campaign's own guards: what it refuses, and that a refused change leaves it as it was. */
class CampaignTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant TOMORROW = NOW.plus(Duration.ofDays(1));

    @Test
    void startsActiveWithItsWindowKeptToTheMillisecond() {
        Campaign campaign = Campaign.open("SPRING25", "Spring", 500, Instant.parse("2026-12-02T09:00:00.123456Z"),
                null, NOW);

        CampaignView view = campaign.view();
        assertThat(view.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(view.startsAt()).isEqualTo(Instant.parse("2026-12-02T09:00:00.123Z"));
        assertThat(view.endsAt()).isNull();
        assertThat(view.version()).isZero();
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        assertRefused(() -> Campaign.open("SPRING25", "Spring", 500, TOMORROW, TOMORROW, NOW), Reason.INVALID_WINDOW);
        Campaign campaign = scheduledTomorrow();
        assertUnchangedAfter(campaign, () -> campaign.moveWindow(TOMORROW, NOW, NOW), Reason.INVALID_WINDOW);
    }

    /** DATETIME(3) holds no year past 9999, and the ledger's epoch milliseconds none before 1970. */
    @Test
    void refusesTimesOutsideWhatTheStoresHold() {
        Instant year10000 = Instant.parse("+10000-01-01T00:00:00Z");
        Instant yearMinus5 = Instant.parse("-0005-01-01T00:00:00Z");
        Instant before1970 = CampaignTimes.EARLIEST.minusMillis(1);

        assertRefused(() -> Campaign.open("SPRING25", "Spring", 500, year10000, null, NOW), Reason.INVALID_WINDOW);
        assertRefused(() -> Campaign.open("SPRING25", "Spring", 500, yearMinus5, null, NOW), Reason.INVALID_WINDOW);
        assertRefused(() -> Campaign.open("SPRING25", "Spring", 500, before1970, null, NOW), Reason.INVALID_WINDOW);
        assertRefused(() -> Campaign.open("SPRING25", "Spring", 500, NOW, year10000, NOW), Reason.INVALID_WINDOW);
        Campaign campaign = scheduledTomorrow();
        assertUnchangedAfter(campaign, () -> campaign.moveWindow(year10000, null, NOW), Reason.INVALID_WINDOW);
        assertUnchangedAfter(campaign, () -> campaign.moveWindow(TOMORROW, year10000, NOW), Reason.INVALID_WINDOW);
        assertThatThrownBy(() -> campaign.moveWindow(TOMORROW, year10000, NOW))
                .hasMessageStartingWith("endsAt: must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z");
    }

    @Test
    void takesTheFirstAndTheLastMillisecondItCanStore() {
        Campaign campaign = Campaign.open("SPRING25", "Spring", 500, CampaignTimes.EARLIEST,
                Instant.parse("9999-12-31T23:59:59.999999Z"), NOW);

        assertThat(campaign.view().startsAt()).isEqualTo(CampaignTimes.EARLIEST);
        assertThat(campaign.view().endsAt()).isEqualTo(CampaignTimes.LATEST);
    }

    @Test
    void pausesResumesAndEndsAndSayingTheSameTwiceChangesNothing() {
        Campaign campaign = scheduledTomorrow();

        assertThat(campaign.pause()).isTrue();
        assertThat(campaign.pause()).isFalse();
        assertThat(campaign.resume()).isTrue();
        assertThat(campaign.resume()).isFalse();
        assertThat(campaign.end()).isTrue();
        assertThat(campaign.end()).isFalse();
        assertThat(campaign.view().status()).isEqualTo(CampaignStatus.ENDED);
    }

    @Test
    void anEndedCampaignCannotBeResumedPausedResizedOrMoved() {
        Campaign campaign = scheduledTomorrow();
        campaign.end();

        assertUnchangedAfter(campaign, campaign::resume, Reason.ENDED);
        assertUnchangedAfter(campaign, campaign::pause, Reason.ENDED);
        assertUnchangedAfter(campaign, () -> campaign.changeQuantity(900, 0), Reason.ENDED);
        assertUnchangedAfter(campaign, () -> campaign.initStock(900, 0), Reason.ENDED);
        assertUnchangedAfter(campaign, () -> campaign.moveWindow(TOMORROW.plusSeconds(60), null, NOW), Reason.ENDED);
    }

    @Test
    void movesTheWholeWindowBeforeTheSaleStarts() {
        Campaign campaign = scheduledTomorrow();

        assertThat(campaign.moveWindow(TOMORROW.plusSeconds(3600), TOMORROW.plusSeconds(7200), NOW)).isTrue();
        assertThat(campaign.view().startsAt()).isEqualTo(TOMORROW.plusSeconds(3600));
        assertThat(campaign.view().endsAt()).isEqualTo(TOMORROW.plusSeconds(7200));
        assertThat(campaign.moveWindow(TOMORROW.plusSeconds(3600), TOMORROW.plusSeconds(7200), NOW)).isFalse();
    }

    @Test
    void oncetheSaleHasStartedOnlyTheEndMoves() {
        Campaign campaign = scheduledTomorrow();
        Instant duringTheSale = TOMORROW.plusSeconds(1);

        assertUnchangedAfter(campaign, () -> campaign.moveWindow(TOMORROW.plusSeconds(60), null, duringTheSale),
                Reason.SALE_STARTED);
        assertUnchangedAfter(campaign, () -> campaign.moveWindow(TOMORROW.minusSeconds(60), null, TOMORROW),
                Reason.SALE_STARTED);
        assertThat(campaign.moveWindow(TOMORROW, TOMORROW.plusSeconds(600), duringTheSale)).isTrue();
        assertThat(campaign.view().endsAt()).isEqualTo(TOMORROW.plusSeconds(600));
    }

    @Test
    void neverTakesAQuantityBelowWhatWasIssued() {
        Campaign campaign = scheduledTomorrow();

        assertUnchangedAfter(campaign, () -> campaign.changeQuantity(99, 100), Reason.BELOW_ISSUED);
        assertThat(campaign.changeQuantity(100, 100)).isTrue();
        assertThat(campaign.changeQuantity(100, 100)).isFalse();
        assertThat(campaign.view().quantity()).isEqualTo(100);
    }

    @Test
    void stockInitSetsTheQuantity() {
        Campaign campaign = scheduledTomorrow();

        assertThat(campaign.initStock(1, 0)).isTrue();
        assertThat(campaign.view().quantity()).isEqualTo(1);
    }

    /** As a change of quantity: below what was issued the stock would go negative, and nothing would bring it back. */
    @Test
    void stockInitNeverTakesAQuantityBelowWhatWasIssued() {
        Campaign campaign = scheduledTomorrow();

        assertUnchangedAfter(campaign, () -> campaign.initStock(5, 20), Reason.BELOW_ISSUED);
        assertThat(campaign.initStock(20, 20)).isTrue();
        assertThat(campaign.view().quantity()).isEqualTo(20);
    }

    @Test
    void refusesAChangeDecidedOnAnotherVersion() {
        Campaign campaign = scheduledTomorrow();

        campaign.requireVersion(null);
        campaign.requireVersion(0L);
        assertRefused(() -> campaign.requireVersion(1L), Reason.STALE_VERSION);
    }

    private static Campaign scheduledTomorrow() {
        return Campaign.open("SPRING25", "Spring", 500, TOMORROW, null, NOW);
    }

    private static void assertUnchangedAfter(Campaign campaign, ThrowingCallable change, Reason reason) {
        CampaignView before = campaign.view();
        assertRefused(change, reason);
        assertThat(campaign.view()).isEqualTo(before);
    }

    private static void assertRefused(ThrowingCallable change, Reason reason) {
        assertThatThrownBy(change).isInstanceOfSatisfying(CampaignRefusal.class,
                refusal -> assertThat(refusal.reason()).isEqualTo(reason));
    }
}
