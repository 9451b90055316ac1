package com.flashsale.coupon.system.chaos;

import org.junit.jupiter.api.Test;

/**
 * A drill on the three local Kafka brokers (KAFKA_CLUSTER_PORTS; {@code make cluster-up}): the
 * services' topics with three replicas. It kills and restarts a broker: never run it against brokers
 * others use.
 */
@ChaosDrills
class KafkaClusterChaosIntegrationTest {

    @Test
    void oneBrokerOfThreeKilledMidSaleLosesNothingAndPersistsNothingTwice() throws Exception {
        ChaosRun.drill("1 of 3 Kafka brokers killed, restarted", new BrokerOfThreeKilled());
    }
}
