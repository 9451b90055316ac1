package com.flashsale.coupon.system.chaos;

import com.flashsale.coupon.system.SaleEnvironment;

/**
 * A fault aimed at a node of the local Redis Cluster: the drill's system runs on the cluster (the
 * services under their redis-cluster profile), Kafka on the standalone broker.
 */
interface RedisClusterFault extends Fault {

    @Override
    default SaleEnvironment.Topology topology() {
        return SaleEnvironment.Topology.REDIS_CLUSTER;
    }
}
