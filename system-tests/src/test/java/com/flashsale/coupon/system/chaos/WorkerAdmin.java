package com.flashsale.coupon.system.chaos;

import static org.awaitility.Awaitility.await;

import com.flashsale.coupon.system.ServiceProcess;
import com.flashsale.coupon.testsupport.ApiClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/** The worker's operator side the drills use: sale set-up, reconciliation on demand, and its metrics. */
final class WorkerAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ServiceProcess worker;

    WorkerAdmin(ServiceProcess worker) {
        this.worker = worker;
    }

    void setQuantity(String couponCode, int quantity) {
        ApiClient.Answer answer = api().post("/api/v1/coupons/stock/init?couponCode=" + couponCode + "&quantity=" + quantity, "");
        if (answer.status() != 200) {
            throw new IllegalStateException("stock init answered " + answer.status() + ": " + answer.body());
        }
    }

    /**
     * One reconciliation run, synchronously. Retried while the worker cannot answer yet (it may just
     * have been restarted) or another run holds the lock.
     */
    Reconciliation reconcile() {
        AtomicReference<Reconciliation> result = new AtomicReference<>();
        await("a reconciliation run").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> {
                    ApiClient.Answer answer = api().post("/api/v1/admin/reconciliation", "");
                    if (answer.status() != 200) {
                        return false;
                    }
                    JsonNode data = answer.body().path("data");
                    result.set(new Reconciliation(data.path("persistedFromRedis").asInt(),
                            data.path("revoked").asInt(), data.path("restoredToRedis").asInt(),
                            data.path("stockCorrected").asInt()));
                    return true;
                });
        return result.get();
    }

    /** Sum of every sample of a counter on the worker's Prometheus page; NaN when it is not there. */
    double metric(String name) {
        return metric(name, "");
    }

    /** Same, over the samples whose labels contain {@code labels} (e.g. {@code outcome="failed"}). */
    double metric(String name, String labels) {
        try {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + worker.managementPort() + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            double sum = 0;
            boolean found = false;
            for (String line : page.body().lines().toList()) {
                boolean sample = line.startsWith(name + "{") || line.startsWith(name + " ");
                if (sample && line.contains(labels)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? sum : Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private ApiClient api() {
        return new ApiClient(worker.port());
    }

    /** What one reconciliation run repaired (the worker's report). */
    record Reconciliation(int persistedFromRedis, int revoked, int restoredToRedis, int stockCorrected) {

        static final Reconciliation NONE = new Reconciliation(0, 0, 0, 0);

        int repairs() {
            return persistedFromRedis + revoked + restoredToRedis + stockCorrected;
        }

        Reconciliation plus(Reconciliation other) {
            return new Reconciliation(persistedFromRedis + other.persistedFromRedis, revoked + other.revoked,
                    restoredToRedis + other.restoredToRedis, stockCorrected + other.stockCorrected);
        }
    }
}
