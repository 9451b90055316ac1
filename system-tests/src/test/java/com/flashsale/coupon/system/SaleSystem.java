package com.flashsale.coupon.system;

import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.Timeouts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A running system: an environment (database, topics, Redis database), one worker and one or more
 * gateway replicas on it, all real jars in their own processes, closed together. The caller builds
 * the processes with the settings its test needs; this starts them. Public for the chaos drills in a
 * sub-package.
 */
public final class SaleSystem implements AutoCloseable {

    private final SaleEnvironment environment;
    private final ServiceProcess worker;
    private final List<ServiceProcess> gateways;

    private SaleSystem(SaleEnvironment environment, ServiceProcess worker, List<ServiceProcess> gateways) {
        this.environment = environment;
        this.worker = worker;
        this.gateways = List.copyOf(gateways);
    }

    /** The same, with a single gateway. */
    public static SaleSystem start(SaleEnvironment environment, ServiceProcess worker, ServiceProcess gateway) {
        return start(environment, worker, List.of(gateway));
    }

    /**
     * Starts every process at once (on two cores, starting them one after the other doubles the wait);
     * the environment and the processes belong to the system from here, also when a start fails. A
     * failed start is answered once every start has ended, so none is still launching its process
     * when the system closes.
     */
    public static SaleSystem start(SaleEnvironment environment, ServiceProcess worker, List<ServiceProcess> gateways) {
        SaleSystem system = new SaleSystem(environment, worker, gateways);
        try {
            List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
            starting.add(CompletableFuture.supplyAsync(worker::start));
            gateways.forEach(gateway -> starting.add(CompletableFuture.supplyAsync(gateway::start)));
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public SaleEnvironment environment() {
        return environment;
    }

    public ServiceProcess worker() {
        return worker;
    }

    /** Every gateway replica, in the order given (a client's gateway index is the position here). */
    public List<ServiceProcess> gateways() {
        return gateways;
    }

    /** The first gateway: the only one of a system started with one. */
    public ServiceProcess gateway() {
        return gateways.getFirst();
    }

    /** The kit's client of these processes, every gateway replica, with the tests' credentials. */
    public SaleClient client() {
        return client(Timeouts.DEFAULT);
    }

    /** The same, with these timeouts. */
    public SaleClient client(Timeouts timeouts) {
        return environment.client(gateways, worker, timeouts);
    }

    /** Where the stores and the first gateway and the worker are, in the variables an operator's shell has. */
    public Map<String, String> variables() {
        return environment.variables(gateway(), worker);
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
