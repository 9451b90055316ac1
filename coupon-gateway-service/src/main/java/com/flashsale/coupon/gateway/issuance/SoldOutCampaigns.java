package com.flashsale.coupon.gateway.issuance;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.gateway.redis.LedgerCopy;
import com.flashsale.coupon.gateway.redis.RedisSchedulerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Answers the requests of sold-out campaigns from a copy of their ledger, without a Redis round
 * trip: {@code COUPON-003} to members who hold no coupon, {@code COUPON-002} to holders,
 * {@code COUPON-004} when the campaign is not open, exactly as {@code scripts/issue.lua} would.
 * (Member checks come before, as always: {@link MemberDirectory}.) After a sell-out that is most of
 * a flash sale's traffic, and it saves the gateway and Redis most of each refusal's cost.
 *
 * <p>How: when the issue script says "sold out", the campaign is marked; one background task (on
 * the Redis scheduler) reads it ({@link SoldOutReads}: holders, status and window, under the
 * coupon's ledger version) and then, every quarter of {@code coupon.sold-out.refresh}, reads the
 * version of each campaign it holds (one GET each, and the serving process's run id), dropping the
 * copy as soon as the version moved or is gone, another process serves the coupon, or the read failed. The next "sold out" from Redis reads it again.
 *
 * <p>Why the answers stay exact:
 * <ul>
 * <li><b>The copy only ever refuses.</b> Every coupon is still issued by the issue script alone, so
 * nothing here can oversell (I1) or issue twice (I2).</li>
 * <li><b>Nothing changes a sold-out campaign without moving its version.</b> With no stock left the
 * issue script writes nothing; every other writer of stock, holders or campaign fields moves the
 * version in the same script (the contract in {@link LedgerKeys}). A copy read atomically with its
 * version (or paged between two equal reads of it) is therefore the ledger itself for as long as
 * the version stands, and the load refuses to keep a campaign whose stock is back above zero, so a
 * coupon returned between the "sold out" and the load is never hidden.</li>
 * <li><b>Staleness is bounded by a lease, not by the poll.</b> A copy answers only until {@code
 * refresh} after the last read that confirmed its version was <em>sent</em> (monotonic clock). A
 * change of stock (a compensation, a repair, a raised quantity, a reset) is therefore seen by every
 * gateway within {@code refresh}, even if the poll is late or Redis hangs; after that the request
 * asks Redis, and the coupon goes to the next member who asks (I4). Two gateways each hold their
 * own lease: each learns within the bound.</li>
 * <li><b>Redis unreachable means no copy.</b> A failed read drops the copy at once, and a hanging
 * one lets the lease run out: requests go back to Redis and get its 503, never a stale answer.</li>
 * <li><b>A copy belongs to one Redis process.</b> A failover keeps the version but can lose the old
 * primary's last decisions (not replicated yet, and so never promised under replica acknowledgement):
 * a stock back above zero, a holder gone. So each confirmation also reads which process serves the
 * coupon (its run id), and a copy read from another one is dropped.</li>
 * <li><b>A version never comes back.</b> It is {@code max(previous + 1, Redis's clock in µs)}, so a
 * ledger flushed and provisioned again does not return to a version a gateway still holds.</li>
 * </ul>
 * The window is checked per request against the gateway's clock, the same clock whose reading the
 * issue script is given. Memory: a campaign with more than {@code max-holders} holders is not kept.
 */
@Component
class SoldOutCampaigns extends LedgerCopy {

    private final SoldOutReads reads;
    private final SoldOutSettings settings;
    private final Clock clock;
    private final long refreshNanos;
    /** Written by the background task only; read by every request. */
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    /** Coupons the issue script called sold out that are not kept yet: the next turn reads them. */
    private final Set<String> toRead = ConcurrentHashMap.newKeySet();
    private final Map<IssueOutcome, Counter> answers = new EnumMap<>(IssueOutcome.class);
    private final Map<SoldOutReads.Outcome, Counter> loads = new EnumMap<>(SoldOutReads.Outcome.class);
    private final Counter versionMoved;
    private final Counter primaryChanged;
    private final Counter failedReads;

    SoldOutCampaigns(SoldOutReads reads, SoldOutSettings settings, Clock clock, MeterRegistry meters,
            @Qualifier(RedisSchedulerConfig.SCHEDULER) TaskScheduler scheduler) {
        super(scheduler, settings.enabled() ? settings.pollEvery() : Duration.ZERO,
                "Cannot read sold-out campaigns, Redis answers them meanwhile", "Sold-out campaigns are readable again");
        this.reads = reads;
        this.settings = settings;
        this.clock = clock;
        this.refreshNanos = settings.refresh().toNanos();
        for (IssueOutcome outcome : new IssueOutcome[] {IssueOutcome.SOLD_OUT, IssueOutcome.ALREADY_ISSUED,
                IssueOutcome.CAMPAIGN_NOT_OPEN}) {
            answers.put(outcome, Counter.builder("coupon.soldout.answers")
                    .description("Issue requests answered from a sold-out campaign's copy, without Redis")
                    .tag("outcome", outcome.name().toLowerCase()).register(meters));
        }
        for (SoldOutReads.Outcome outcome : SoldOutReads.Outcome.values()) {
            loads.put(outcome, Counter.builder("coupon.soldout.loads")
                    .description("Reads of a sold-out campaign's holders, by result (kept: answered locally from then on)")
                    .tag("result", outcome.name().toLowerCase()).register(meters));
        }
        this.versionMoved = invalidations(meters, "version_moved");
        this.primaryChanged = invalidations(meters, "primary_changed");
        this.failedReads = invalidations(meters, "read_failed");
        Gauge.builder("coupon.soldout.campaigns", kept, Map::size)
                .description("Sold-out campaigns this gateway answers from its copy").register(meters);
        Gauge.builder("coupon.soldout.holders", kept, SoldOutCampaigns::holders)
                .description("Holders in this gateway's copies of sold-out campaigns (8 bytes each)").register(meters);
    }

    private static Counter invalidations(MeterRegistry meters, String reason) {
        return Counter.builder("coupon.soldout.invalidations")
                .description("Copies of sold-out campaigns dropped, by reason; Redis answers them again")
                .tag("reason", reason).register(meters);
    }

    /** The issue script's answer from the copy, or null: then ask Redis. */
    IssueOutcome answer(String couponCode, long memberId) {
        Kept campaign = kept.get(couponCode);
        if (campaign == null || System.nanoTime() - campaign.leaseEnd >= 0) {
            return null;
        }
        IssueOutcome outcome = campaign.ledger.answer(memberId, clock.millis());
        answers.get(outcome).increment();
        return outcome;
    }

    /** True while a copy of the campaign is kept (its lease may have run out: then Redis answers). */
    boolean keeps(String couponCode) {
        return kept.containsKey(couponCode);
    }

    /** The issue script said sold out: read the campaign at the next turn, unless it is kept already. */
    void soldOut(String couponCode) {
        if (isRunning() && !kept.containsKey(couponCode)) {
            toRead.add(couponCode);
        }
    }

    /** One turn of the background task, when enabled: confirm what is kept, then read what sold out meanwhile. */
    @Override
    protected void refresh() {
        kept.forEach(this::confirm);
        for (String couponCode : toRead) {
            toRead.remove(couponCode);
            // A request may have marked it while the previous turn was reading it.
            if (!kept.containsKey(couponCode)) {
                load(couponCode);
            }
        }
    }

    private void confirm(String couponCode, Kept campaign) {
        long sentAt = System.nanoTime();
        try {
            if (!campaign.ledger.version().equals(reads.version(couponCode))) {
                kept.remove(couponCode, campaign);
                versionMoved.increment();
            } else if (!campaign.node.equals(reads.node(couponCode))) {
                kept.remove(couponCode, campaign);
                primaryChanged.increment();
            } else {
                campaign.leaseEnd = sentAt + refreshNanos;
                readWorked();
            }
        } catch (RuntimeException e) {
            kept.remove(couponCode, campaign);
            failedReads.increment();
            readFailed(e);
        }
    }

    private void load(String couponCode) {
        try {
            SoldOutReads.Read read = reads.read(couponCode, settings.maxHolders());
            loads.get(read.outcome()).increment();
            if (read.outcome() == SoldOutReads.Outcome.KEPT) {
                kept.put(couponCode, new Kept(read.campaign(), read.node(), read.readAt() + refreshNanos));
            }
            readWorked();
        } catch (RuntimeException e) {
            failedReads.increment();
            readFailed(e);
        }
    }

    private static double holders(Map<String, Kept> kept) {
        long holders = 0;
        for (Kept campaign : kept.values()) {
            holders += campaign.ledger.holders().length;
        }
        return holders;
    }

    @Override
    public void stop() {
        super.stop();
        kept.clear();
        toRead.clear();
    }

    /** One kept campaign; {@code leaseEnd} ({@link System#nanoTime()}) is only moved by the background task. */
    private static final class Kept {

        final SoldOutCampaign ledger;
        /** The run id of the Redis process it was read from. */
        final String node;
        volatile long leaseEnd;

        Kept(SoldOutCampaign ledger, String node, long leaseEnd) {
            this.ledger = ledger;
            this.node = node;
            this.leaseEnd = leaseEnd;
        }
    }
}
