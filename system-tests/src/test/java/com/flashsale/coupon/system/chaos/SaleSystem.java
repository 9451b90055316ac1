package com.flashsale.coupon.system.chaos;

import com.flashsale.coupon.system.SaleEnvironment;
import com.flashsale.coupon.system.ServiceProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The system under test for one drill: a fresh environment (database, topics, Redis database), one
 * worker and one or more gateway replicas, all real jars in their own processes.
 */
final class SaleSystem implements AutoCloseable {

    /**
     * Reconciliation persists a Redis-only acceptance once it is this old. Short, so the drill's
     * reconciliation right after settling covers every acceptance of the sale.
     */
    static final String GRACE_PERIOD = "5s";

    private final SaleEnvironment environment;
    private final ServiceProcess worker;
    private final List<ServiceProcess> gateways = new ArrayList<>();

    private SaleSystem(int gatewayCount, SaleEnvironment.Topology topology) {
        environment = new SaleEnvironment(topology);
        worker = environment.worker().withProperty("coupon.reconciliation.grace-period", GRACE_PERIOD);
        for (int i = 0; i < gatewayCount; i++) {
            gateways.add(environment.gateway("gateway-" + (char) ('a' + i), true));
        }
    }

    /** Starts every process at once: on two cores, starting them one after the other doubles the wait. */
    static SaleSystem start(int gatewayCount, SaleEnvironment.Topology topology) {
        SaleSystem system = new SaleSystem(gatewayCount, topology);
        try {
            List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
            starting.add(CompletableFuture.supplyAsync(system.worker::start));
            system.gateways.forEach(gateway -> starting.add(CompletableFuture.supplyAsync(gateway::start)));
            starting.forEach(CompletableFuture::join);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    SaleEnvironment environment() {
        return environment;
    }

    ServiceProcess worker() {
        return worker;
    }

    List<ServiceProcess> gateways() {
        return gateways;
    }

    @Override
    public void close() {
        List<ServiceProcess> all = new ArrayList<>(gateways);
        all.add(worker);
        for (ServiceProcess process : all) {
            try {
                process.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Stopping the others matters more than this one's failure.
            }
        }
        environment.close();
    }
}
