package com.flashsale.coupon.system.chaos;

import org.junit.jupiter.api.Test;

/** Drills that crash one of the services mid-sale (kill -9), then check I1-I5. */
@ChaosDrills
class ServiceCrashChaosIntegrationTest {

    @Test
    void gatewayKilledMidSaleAndRestartedKeepsEveryPromise() throws Exception {
        ChaosRun.drill("gateway killed, restarted", GatewayCrash.killAndRestart());
    }

    @Test
    void oneOfTwoGatewayReplicasKilledMidSaleLeavesNothingBehind() throws Exception {
        ChaosRun.drill("1 of 2 gateways killed", GatewayCrash.killOneOfTwoReplicas());
    }

    @Test
    void workerKilledMidBatchAndRestartedPersistsEveryIssuanceOnce() throws Exception {
        ChaosRun.drill("worker killed mid-batch, restarted", new WorkerCrashMidBatch());
    }
}
