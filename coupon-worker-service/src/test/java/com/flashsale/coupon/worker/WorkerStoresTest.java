package com.flashsale.coupon.worker;

import com.flashsale.coupon.worker.provisioning.ReferenceDataProvisioner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the worker's integration tests against the real stores share: MySQL and Redis as the worker
 * sees them (each test class isolated by {@link WorkerTestEnvironment}), the provisioner that copies
 * campaigns and members into Redis, and the usual fresh start.
 */
public abstract class WorkerStoresTest {

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected ReferenceDataProvisioner provisioner;

    private GatewayIssueScript gateway;

    /** No issuance in MySQL, an empty Redis, and every campaign and member provisioned into it anew. */
    protected void startWithoutIssuances() {
        deleteIssuances();
        provisionIntoEmptyRedis();
    }

    /** MySQL keeps what it holds; Redis is emptied and provisioned anew from it. */
    protected void provisionIntoEmptyRedis() {
        WorkerTestEnvironment.flushRedis(redis);
        provisioner.provisionAll();
    }

    /** The gateway's own issue script on this Redis: sells by the ledger the worker provisioned. */
    protected GatewayIssueScript gateway() {
        GatewayIssueScript script = gateway;
        if (script == null) {
            // Racing test threads may each build one: any of them will do (its fields are final).
            script = new GatewayIssueScript(redis);
            gateway = script;
        }
        return script;
    }

    protected void deleteIssuances() {
        jdbc.update("DELETE FROM coupon_issues");
        jdbc.update("DELETE FROM failed_coupon_issues");
    }
}
