package com.flashsale.coupon.system.chaos;

import org.junit.jupiter.api.Test;

/**
 * Drills on the local Redis Cluster (REDIS_CLUSTER_PORTS; {@code make cluster-up}), the services under
 * their redis-cluster profile with replica acknowledgement. They kill and restart cluster nodes and
 * empty the cluster: never run them against a cluster others use.
 */
@ChaosDrills
class RedisClusterChaosIntegrationTest {

    @Test
    void primaryOfTheHotCouponKilledMidSaleIsReplacedAndNoPromiseIsLost() throws Exception {
        ChaosRun.drill("Redis Cluster primary killed, replica promoted", new PrimaryFailover());
    }

    @Test
    void primaryKilledWithEntriesTheRelayReadAndKafkaNeverAcknowledgedPublishesThemAfterTheFailover() throws Exception {
        ChaosRun.drill("Redis Cluster primary killed with relay entries pending", new RelayPendingFailover());
    }

    @Test
    void replicaKilledMidSaleIsInvisibleToMembers() throws Exception {
        ChaosRun.drill("Redis Cluster replica killed, restarted", new ReplicaKill());
    }
}
