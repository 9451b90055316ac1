package com.flashsale.coupon.worker.provisioning;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Copies campaigns and members from MySQL into the Redis ledger. Every write is idempotent, so the
 * periodic run, start-up and admin changes may all call in; the lock only keeps a slow periodic run
 * that read old rows from overwriting an admin change made meanwhile in this process.
 */
@Service
public class ReferenceDataProvisioner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataProvisioner.class);

    /** Members read from MySQL per query, as a multiple of the Redis chunk. */
    private static final int CHUNKS_PER_PAGE = 10;

    private final CampaignRows campaignRows;
    private final MemberRows memberRows;
    private final RedisCampaigns redisCampaigns;
    private final RedisMembers redisMembers;
    private final ProvisioningSettings settings;
    private final ReentrantLock lock = new ReentrantLock();

    ReferenceDataProvisioner(CampaignRows campaignRows, MemberRows memberRows, RedisCampaigns redisCampaigns,
            RedisMembers redisMembers, ProvisioningSettings settings) {
        this.campaignRows = campaignRows;
        this.memberRows = memberRows;
        this.redisCampaigns = redisCampaigns;
        this.redisMembers = redisMembers;
        this.settings = settings;
    }

    public ProvisioningRun provisionAll() {
        return locked(() -> new ProvisioningRun(0, provisionEveryCampaign(), provisionEveryMember()));
    }

    /** Empty when MySQL has no such coupon. */
    public Optional<ProvisionedCampaign> provisionCampaign(String code) {
        return locked(() -> campaignRows.findByCode(code).map(this::provision));
    }

    /** False when MySQL has no such member. */
    public boolean provisionMember(long memberId) {
        return locked(() -> {
            Optional<Member> member = memberRows.find(memberId);
            member.ifPresent(redisMembers::put);
            return member.isPresent();
        });
    }

    /**
     * Deletes the whole ledger (every coupon's campaign, stock, issued and outbox keys, the campaign
     * set and the members hash) and provisions it again, so every stock equals its quantity. Only for
     * resetting between test runs: issuances accepted meanwhile are forgotten.
     */
    public ProvisioningRun rebuild() {
        return locked(() -> {
            Set<String> codes = new HashSet<>(redisCampaigns.provisionedCodes());
            campaignRows.findAll().forEach(campaign -> codes.add(campaign.code()));
            long deleted = 0;
            for (String code : codes) {
                deleted += deleteQuietly(code);
            }
            deleted += redisCampaigns.deleteCampaignSet() + redisMembers.deleteAll();
            return new ProvisioningRun(deleted, provisionEveryCampaign(), provisionEveryMember());
        });
    }

    private int provisionEveryCampaign() {
        List<Campaign> campaigns = campaignRows.findAll();
        int provisioned = 0;
        for (Campaign campaign : campaigns) {
            try {
                provision(campaign);
                provisioned++;
            } catch (IllegalArgumentException e) {
                // A code the key contract cannot express; the others must still be served.
                log.warn("Skipping coupon {}: {}", campaign.id(), e.getMessage());
            }
        }
        return provisioned;
    }

    private ProvisionedCampaign provision(Campaign campaign) {
        long stock = redisCampaigns.provision(campaign);
        return new ProvisionedCampaign(campaign.code(), campaign.quantity(), campaign.status(), stock);
    }

    /**
     * Writes the members hash only when MySQL's members differ from its last full write: an unchanged
     * pass costs MySQL one aggregate query and Redis two small commands, and the gateway's copy of the
     * hash stays valid. The hash is written together with the digest of what was written, which
     * becomes its version.
     */
    private int provisionEveryMember() {
        MemberDigest.Version inMySql = memberRows.version();
        if (redisMembers.holds(inMySql.value(), inMySql.count())) {
            return (int) inMySql.count();
        }
        int chunk = settings.memberChunkSize();
        MemberDigest written = new MemberDigest();
        int members = memberRows.forEachPage(chunk * CHUNKS_PER_PAGE, page -> {
            redisMembers.putAll(page, chunk);
            written.add(page);
        });
        redisMembers.markWritten(written.version().value());
        return members;
    }

    private long deleteQuietly(String code) {
        try {
            return redisCampaigns.delete(code);
        } catch (IllegalArgumentException e) {
            log.warn("Cannot delete ledger keys of coupon code '{}': {}", code, e.getMessage());
            return 0;
        }
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
