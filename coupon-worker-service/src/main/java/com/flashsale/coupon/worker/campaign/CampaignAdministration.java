package com.flashsale.coupon.worker.campaign;

import com.flashsale.coupon.worker.provisioning.ProvisionedCampaign;
import com.flashsale.coupon.worker.provisioning.ReferenceDataProvisioner;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a campaign's lifecycle for operators: each change is decided by the campaign itself, saved in
 * MySQL with its audit entry in one transaction (the version column refuses a change based on a stale
 * read), then provisioned into the Redis ledger at once, so the gateway answers by it on the next
 * request instead of after the periodic provisioning pass.
 *
 * <p>Provisioning comes after the commit on purpose: the provisioner reads the campaign from MySQL
 * under its lock, so a periodic pass that read the old row cannot write it over the new one.
 */
@Service
public record CampaignAdministration(Campaigns campaigns, AuditTrail audit, LedgerQuantity ledgerQuantity,
        ReferenceDataProvisioner provisioner, TransactionTemplate transactions) {

    private static final Consumer<CampaignView> NOTHING_MORE = campaign -> {
    };

    public CampaignView create(String code, String name, int quantity, Instant startsAt, Instant endsAt,
            String operator) {
        CampaignView created;
        try {
            created = transactions.execute(status -> {
                if (campaigns.existsByCode(code)) {
                    throw codeTaken(code);
                }
                Campaign campaign = campaigns.saveAndFlush(Campaign.open(code, name, quantity, startsAt, endsAt,
                        Instant.now()));
                CampaignView view = campaign.view();
                audit.record(view.id(), operator, AuditAction.CREATED, null, view);
                return view;
            });
        } catch (DataIntegrityViolationException e) {
            // Two creations of one code at once: the unique key lets one through.
            if (campaigns.existsByCode(code)) {
                throw codeTaken(code);
            }
            throw e;
        }
        return created.withStock(provision(code).stock());
    }

    public CampaignView find(String code) {
        return load(code).view();
    }

    /** Oldest first; {@code status} null lists every campaign. */
    public Page<CampaignView> list(CampaignStatus status, int page, int size) {
        Pageable request = PageRequest.of(page, size, Sort.by("id"));
        return (status == null ? campaigns.findAll(request) : campaigns.findByStatus(status, request))
                .map(Campaign::view);
    }

    /**
     * Never below what was issued: MySQL's rows are counted here, the ledger's in the same atomic step
     * that lowers its quantity, since the sale goes on meanwhile.
     */
    public CampaignView changeQuantity(String code, int quantity, Long expectedVersion, String operator) {
        return change(code, expectedVersion, operator, AuditAction.QUANTITY_CHANGED,
                campaign -> campaign.changeQuantity(quantity, campaigns.countIssued(campaign.id())),
                after -> lowerInLedger(code, quantity)).campaign();
    }

    /**
     * The seed's stock init, for test runs: the quantity set as {@link #changeQuantity} sets it, never below
     * what was issued in MySQL or in the ledger, audited as a stock init; answers the campaign as the
     * ledger holds it. A run that needs fewer coupons than were issued resets the sale first.
     */
    public ProvisionedCampaign initStock(String code, int quantity, String operator) {
        return change(code, null, operator, AuditAction.STOCK_INITIALISED,
                campaign -> campaign.initStock(quantity, campaigns.countIssued(campaign.id())),
                after -> lowerInLedger(code, quantity)).ledger();
    }

    public CampaignView moveWindow(String code, Instant startsAt, Instant endsAt, Long expectedVersion,
            String operator) {
        return change(code, expectedVersion, operator, AuditAction.WINDOW_MOVED,
                campaign -> campaign.moveWindow(startsAt, endsAt, Instant.now()), NOTHING_MORE).campaign();
    }

    /** Pause ({@code PAUSED}), resume ({@code ACTIVE}) or end ({@code ENDED}). */
    public CampaignView changeStatus(String code, CampaignStatus target, Long expectedVersion, String operator) {
        Changed changed = switch (target) {
            case ACTIVE -> change(code, expectedVersion, operator, AuditAction.RESUMED, Campaign::resume, NOTHING_MORE);
            case PAUSED -> change(code, expectedVersion, operator, AuditAction.PAUSED, Campaign::pause, NOTHING_MORE);
            case ENDED -> change(code, expectedVersion, operator, AuditAction.ENDED, Campaign::end, NOTHING_MORE);
        };
        return changed.campaign();
    }

    /** Newest first. */
    public Page<AuditEntryView> audit(String code, int page, int size) {
        return audit.of(load(code).id(), page, size);
    }

    /**
     * A change the campaign decides ({@code mutation} answers whether anything changed), flushed so the
     * version check and the row lock happen before {@code beforeCommit} runs, audited, committed and
     * provisioned. An unchanged campaign is provisioned all the same: repeating a request whose
     * provisioning failed is how an operator retries it.
     */
    private Changed change(String code, Long expectedVersion, String operator, AuditAction action,
            Predicate<Campaign> mutation, Consumer<CampaignView> beforeCommit) {
        CampaignView result;
        try {
            result = transactions.execute(status -> {
                Campaign campaign = load(code);
                campaign.requireVersion(expectedVersion);
                CampaignView before = campaign.view();
                if (!mutation.test(campaign)) {
                    return before;
                }
                campaigns.saveAndFlush(campaign);
                CampaignView after = campaign.view();
                beforeCommit.accept(after);
                audit.record(after.id(), operator, action, before, after);
                return after;
            });
        } catch (OptimisticLockingFailureException e) {
            throw CampaignRefusal.changedMeanwhile(code);
        }
        ProvisionedCampaign ledger = provision(code);
        return new Changed(result.withStock(ledger.stock()), ledger);
    }

    /**
     * The ledger's own count of what was issued, taken in the atomic step that lowers its quantity: the
     * gateway accepts issuances MySQL has not seen yet. Refusing here rolls the MySQL change back.
     */
    private void lowerInLedger(String code, int quantity) {
        long issued = ledgerQuantity.lower(code, quantity);
        if (issued > 0) {
            throw new CampaignRefusal(CampaignRefusal.Reason.BELOW_ISSUED, "campaign " + code
                    + " has issued " + issued + " coupons in the ledger: its quantity cannot go below that");
        }
    }

    private ProvisionedCampaign provision(String code) {
        try {
            return provisioner.provisionCampaign(code).orElseThrow(() -> new UnknownCampaignException(code));
        } catch (DataAccessException e) {
            throw new LedgerNotUpdatedException(code, e);
        }
    }

    private Campaign load(String code) {
        return campaigns.findByCode(code).orElseThrow(() -> new UnknownCampaignException(code));
    }

    private record Changed(CampaignView campaign, ProvisionedCampaign ledger) {
    }

    private static CampaignRefusal codeTaken(String code) {
        return new CampaignRefusal(CampaignRefusal.Reason.CODE_TAKEN,
                "a campaign with code '" + code + "' exists already: codes are never reused");
    }
}
