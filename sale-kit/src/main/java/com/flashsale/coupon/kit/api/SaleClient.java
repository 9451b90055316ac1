package com.flashsale.coupon.kit.api;

import com.flashsale.coupon.events.LedgerKeys;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one client of the running system: the gateway's public API (issue) and stock view, the
 * worker's operator endpoints (reset, stock init, campaign and member status, reconciliation), and
 * both services' readiness and Prometheus metrics. Every request carries what {@link Credentials}
 * says it must.
 *
 * <p>Issue requests go through {@link IssueChannel}, the load engine's own connection: one issue
 * path, whether one member asks or half a million, and a single request gets a fresh connection
 * rather than one another request left idle (which the server may close under it). Everything else
 * goes through {@code java.net.http}, HTTP/1.1 like the members' browsers.
 */
public final class SaleClient implements AutoCloseable {

    /** What both services answer for a path no endpoint serves. */
    private static final String NO_SUCH_ENDPOINT = "COMMON-404";
    /** The worker's endpoints for test runs, absent under its prod profile. */
    private static final String RESET = "/api/test/reset";
    private static final String STOCK_INIT = "/api/v1/coupons/stock/init";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Services services;
    private final Credentials credentials;
    private final Timeouts timeouts;
    private final HttpClient http;

    public SaleClient(Services services, Credentials credentials) {
        this(services, credentials, Timeouts.DEFAULT);
    }

    public SaleClient(Services services, Credentials credentials, Timeouts timeouts) {
        this.services = services;
        this.credentials = credentials;
        this.timeouts = timeouts;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeouts.connect())
                .build();
    }

    /**
     * A client of one service on 127.0.0.1, the gateway or the worker, at this port: for that
     * service's own tests, which start it alone.
     */
    public static SaleClient ofService(int port, Credentials credentials) {
        return new SaleClient(Services.local(port, port), credentials);
    }

    /**
     * A client bound to no sale: only for the requests that name their target ({@link #send},
     * {@link #ready}, {@link #metric}), such as the readiness of a service still starting or a server
     * beside the sale (Prometheus). Any call for a gateway or the worker throws.
     */
    public static SaleClient forTargets(Credentials credentials, Timeouts timeouts) {
        return new SaleClient(null, credentials, timeouts);
    }

    /** @throws IllegalStateException for a client made {@link #forTargets} */
    public Services services() {
        if (services == null) {
            throw new IllegalStateException("this client is bound to no gateway or worker: it only sends to the targets"
                    + " it is given");
        }
        return services;
    }

    // ---- public API ------------------------------------------------------------------------------

    /** The member asks the first gateway for the coupon. */
    public Answer issue(String couponCode, long memberId) {
        return issue(0, couponCode, memberId);
    }

    /** The member asks this gateway replica ({@link Services#gateways()} index) for the coupon. */
    public Answer issue(int gateway, String couponCode, long memberId) {
        try (IssueChannel channel = channel()) {
            return channel.ask(gateway, couponCode, memberId, System.nanoTime());
        }
    }

    /**
     * The member asks the first gateway for the coupon, and gets the whole reply (status, envelope,
     * header fields): for checks of what the API says. Loads ask through {@link #issue}.
     */
    public Reply replyToIssue(String couponCode, long memberId) {
        return send(services().gateway(), "POST", IssueChannel.ISSUE_PATH, IssueChannel.issueBody(couponCode, memberId),
                Caller.member(memberId));
    }

    /**
     * Has the credentials of these members made now, so that a load about to ask for them does not
     * wait for a signature ({@link Credentials#prepare}); {@code Burst} does it itself.
     */
    public void prepare(Collection<Long> memberIds) {
        credentials.prepare(memberIds);
    }

    /** A new connection set to the gateways, for one client thread of a load. */
    public IssueChannel channel() {
        return new IssueChannel(services().gateways(), credentials, timeouts, IssueChannel.IDLE_CHECK);
    }

    /**
     * Any request, as it is: for the checks that send what no well-behaved client would (malformed
     * JSON, a huge body, a hostile path). Throws {@link ServiceException} only when nothing answered.
     */
    public Reply send(LocalTarget target, String method, String path, String body, Caller caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, caller);
    }

    /**
     * A request built by the caller (its own header fields, media type or method), with the caller's
     * credentials added. Throws {@link ServiceException} only when nothing answered.
     */
    public Reply send(HttpRequest.Builder request, Caller caller) {
        caller.headers(credentials).forEach(request::header);
        HttpRequest built = request.timeout(timeouts.operator()).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()), response.headers());
        } catch (IOException e) {
            throw new ServiceException("cannot reach " + built.uri() + " (" + built.method() + "): " + e
                    + ". Is the system running ('make run')?", 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted while waiting for " + built.uri(), 0, e);
        }
    }

    // ---- operator endpoints ----------------------------------------------------------------------

    /** The first gateway's view of the coupon's ledger. */
    public StockView stock(String couponCode) {
        JsonNode data = operator(services().gateway(), "GET", "/api/v1/coupons/stock/" + code(couponCode), null,
                "read the stock of " + couponCode).data();
        return new StockView(data.path("couponCode").asString(couponCode), data.path("quantity").asLong(),
                data.path("stock").asLong(), data.path("issued").asLong(), data.path("outboxBacklog").asLong());
    }

    /** The worker's view of the campaign, read from MySQL: changes nothing. */
    public Campaign campaign(String couponCode) {
        return campaign(operator(services().worker(), "GET", "/api/v1/admin/campaigns/" + code(couponCode), null,
                "read the campaign of " + couponCode));
    }

    /** Sets the coupon's quantity in MySQL and provisions it into the ledger (stock shifts by the change). */
    public Campaign initStock(String couponCode, int quantity) {
        return campaign(operator(services().worker(), "POST", STOCK_INIT + "?couponCode=" + code(couponCode)
                + "&quantity=" + quantity, "", "set the quantity of " + couponCode));
    }

    /** MySQL's issue and failure rows deleted and the Redis ledger rebuilt at full stock, in one call. */
    public ResetReport reset() {
        JsonNode data = operator(services().worker(), "POST", RESET, "", "reset the sale").data();
        return new ResetReport(data.path("deletedCouponIssues").asLong(), data.path("deletedFailedCouponIssues").asLong(),
                data.path("deletedLedgerKeys").asLong(), data.path("provisionedCampaigns").asLong(),
                data.path("provisionedMembers").asLong());
    }

    /** ACTIVE, PAUSED or ENDED; the gateway sees it on its next request. */
    public Campaign campaignStatus(String couponCode, String status) {
        return campaign(operator(services().worker(), "PUT", "/api/v1/admin/campaigns/" + code(couponCode) + "/status",
                "{\"status\":\"" + status + "\"}", "set campaign " + couponCode + " " + status));
    }

    /** ACTIVE or INACTIVE, in MySQL and in the ledger. */
    public void memberStatus(long memberId, String status) {
        operator(services().worker(), "PUT", "/api/v1/admin/members/" + memberId + "/status",
                "{\"status\":\"" + status + "\"}", "set member " + memberId + " " + status);
    }

    /** One reconciliation run, synchronously; empty while another worker replica is running one. */
    public Optional<Reconciliation> reconcile() {
        String path = "/api/v1/admin/reconciliation";
        Reply reply = send(services().worker(), "POST", path, "", Caller.operator());
        if (reply.status() == 409 && "COMMON-004".equals(reply.code())) {
            return Optional.empty();
        }
        JsonNode data = expectOk(reply, services().worker(), path, "run a reconciliation").data();
        return Optional.of(new Reconciliation(data.path("campaigns").asInt(), data.path("persistedFromRedis").asInt(),
                data.path("revoked").asInt(), data.path("restoredToRedis").asInt(), data.path("stockCorrected").asInt()));
    }

    // ---- actuator --------------------------------------------------------------------------------

    /** The service's readiness probe answers 200 (its stores answer). False when it does not answer at all. */
    public boolean ready(LocalTarget target) {
        try {
            return send(target, "GET", "/actuator/health/readiness", null, Caller.anonymous()).status() == 200;
        } catch (ServiceException e) {
            return false;
        }
    }

    /**
     * Sum of every sample of a metric on the service's Prometheus page whose labels contain
     * {@code labels} (e.g. {@code outcome="failed"}, or "" for all); empty when there is none.
     */
    public OptionalDouble metric(LocalTarget target, String name, String labels) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve("/actuator/prometheus"))
                .timeout(timeouts.answer()).GET();
        credentials.operator().forEach(request::header);
        String page;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            page = response.body();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
        return PrometheusPage.sum(page, name, labels);
    }

    @Override
    public void close() {
        http.close();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Reply operator(LocalTarget target, String method, String path, String body, String what) {
        Reply reply;
        try {
            reply = send(target, method, path, body, Caller.operator());
        } catch (ServiceException e) {
            throw new ServiceException("cannot reach " + target + " to " + what + ": " + e.getCause()
                    + ". Start the system first: 'make run' (or 'make up').", 0, e.getCause());
        }
        return expectOk(reply, target, path, what);
    }

    private static Reply expectOk(Reply reply, LocalTarget target, String path, String what) {
        // The services' own "no such endpoint", or a plain 404 from whatever else listens there.
        if (reply.status() == 404 && (reply.code() == null || NO_SUCH_ENDPOINT.equals(reply.code()))) {
            if (path.startsWith(RESET) || path.startsWith(STOCK_INIT)) {
                throw new ServiceException(target + " has no such operator endpoint: it runs the prod profile, where"
                        + " the sale reset and the test-run stock init do not exist", 404, null);
            }
            throw new ServiceException(target + " has no endpoint " + path + ": is it the service this URL should name"
                    + " (--gateway-url, --worker-url)?", 404, null);
        }
        if (reply.status() == 401 || reply.status() == 403) {
            throw new ServiceException(target + " refused to " + what + " with HTTP " + reply.status() + " ("
                    + reply.code() + "): it asks for an operator's token (scope coupon:admin) signed by a key it trusts;"
                    + " the development key pair's is what 'AUTH=jwt make run' trusts", reply.status(), null);
        }
        if (reply.status() != 200) {
            throw new ServiceException(target + " refused to " + what + " with HTTP " + reply.status() + ": "
                    + reply.body(), reply.status(), null);
        }
        return reply;
    }

    private static Campaign campaign(Reply reply) {
        JsonNode data = reply.data();
        return new Campaign(data.path("couponCode").asString(""), data.path("quantity").asLong(),
                data.path("status").asString(""), data.path("stock").asLong());
    }

    private static String code(String couponCode) {
        if (!LedgerKeys.isValidCouponCode(couponCode)) {
            throw new IllegalArgumentException("invalid coupon code: " + couponCode);
        }
        return couponCode;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            // Not an envelope (a proxy's or the container's own error page): kept as text, with no code.
            return JSON.getNodeFactory().stringNode(body);
        }
    }
}
