package com.flashsale.coupon.system.chaos;

import org.junit.jupiter.api.Test;

/**
 * Drills that take a server away mid-sale and bring it back, then check I1-I5. They kill and restart
 * the servers named by the environment (INFRA_HOME, ports): never run them against servers others use.
 */
@ChaosDrills
class ServerOutageChaosIntegrationTest {

    @Test
    void kafkaBrokerKilledDuringTheSaleLosesNoIssuance() throws Exception {
        ChaosRun.drill("Kafka broker killed, restarted", ServerOutage.kafka());
    }

    @Test
    void mariadbKilledDuringPersistenceRevokesNothing() throws Exception {
        ChaosRun.drill("MariaDB killed, restarted", ServerOutage.mariadb());
    }

    @Test
    void redisKilledMidSaleLosesNoPromiseWhenRestartedFromItsAppendOnlyFile() throws Exception {
        ChaosRun.drill("Redis killed (kill -9), restarted from AOF", new RedisRestart());
    }

    @Test
    void redisStalledLongerThanTheGatewayTimeoutKeepsTheLedgerWhole() throws Exception {
        ChaosRun.drill("Redis paused (CLIENT PAUSE WRITE)", new RedisStall());
    }
}
