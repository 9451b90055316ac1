package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.api.ServiceException;
import com.flashsale.coupon.kit.settle.ConsumerBacklog;
import com.flashsale.coupon.kit.store.StoreCounts;
import com.flashsale.coupon.kit.store.StoreException;
import com.flashsale.coupon.kit.store.StoreProbe;
import com.flashsale.coupon.kit.store.StoreSettings;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * What must answer before a sale changes anything: the reset deletes every campaign's rows, so a sale
 * that would fail on a store or a service afterwards must fail before it. Each check reads only.
 */
final class SaleReadiness {

    private SaleReadiness() {
    }

    /** Redis is reached when the probe is opened; this reads the coupon's counts, so MySQL too. */
    static StoreProbe openStores(StoreSettings settings, String couponCode) {
        StoreProbe probe;
        try {
            probe = new StoreProbe(settings);
        } catch (StoreException e) {
            throw new IllegalStateException("Redis is not usable: " + e.getMessage() + ". Start the servers ('make run')"
                    + " or point --redis-host/--redis-port/--redis-database at the Redis the services use.", e);
        }
        try {
            readCounts(probe, couponCode);
        } catch (RuntimeException e) {
            probe.close();
            throw e;
        }
        return probe;
    }

    /** The coupon's counts, or what makes MySQL or Redis unusable for it, with what to do. */
    static StoreCounts readCounts(StoreProbe probe, String couponCode) {
        try {
            return probe.counts(couponCode);
        } catch (StoreException e) {
            throw new IllegalStateException(storeHint(e, probe.settings()), e);
        }
    }

    /**
     * A sale can only issue to active members: the others are refused, rightly, and the answers check (only
     * issued or sold out) would call that wrong. {@code named} says where the count came from.
     */
    static void requireActiveMembers(StoreProbe probe, long members, String named, CommandLine commandLine) {
        long active = probe.activeMembers(1, members);
        if (active < members) {
            throw new ParameterException(commandLine, named + ": only " + active
                    + " of members 1.." + members + " are active in MySQL (" + probe.settings().describe()
                    + "); the others would be refused (403 MEMBER-002, 404 MEMBER-001). Run with " + active
                    + " members or fewer, or make more members active first.");
        }
    }

    /** The gateway answers the operator's stock read, the worker its campaign read: both up, with their stores. */
    static void requireServices(SaleClient client, String couponCode) {
        try {
            client.stock(couponCode);
        } catch (ServiceException e) {
            // Its message says what to do: start the system, or which store the service cannot use.
            throw new IllegalStateException("the gateway is not usable: " + e.getMessage(), e);
        }
        try {
            client.campaign(couponCode);
        } catch (ServiceException e) {
            throw new IllegalStateException("the worker is not usable: " + e.getMessage(), e);
        }
    }

    /** Kafka answers what the worker has still to process: the settle after the sale waits on it. */
    static void requireKafka(ConsumerBacklog backlog) {
        try {
            backlog.pending();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + ". Start the servers ('make run'), or give --kafka the"
                    + " brokers the worker uses.", e);
        }
    }

    private static String storeHint(StoreException e, StoreSettings settings) {
        String message = e.getMessage();
        if (message.contains("does not exist in MySQL")) {
            return message + ". Name a coupon of the coupons table (--coupon, or the run a summary belongs to).";
        }
        if (message.contains("Access denied")) {
            return "MySQL refused the login: " + message + ". Give the --mysql-user/--mysql-password (or $MYSQL_USER,"
                    + " $MYSQL_PASSWORD) the services use.";
        }
        if (message.contains("Unknown database")) {
            return "MySQL has no database " + settings.mysqlDatabase() + ": " + message + ". Give --mysql-database (or"
                    + " $MYSQL_DATABASE) the services use.";
        }
        if (message.contains("in MySQL")) {
            return "MySQL is not usable: " + message + ". Start the servers ('make run') or point --mysql-host/"
                    + "--mysql-port at the MySQL the services use.";
        }
        return "Redis is not usable: " + message + ". Start the servers ('make run') or point --redis-host/--redis-port"
                + " at the Redis the services use.";
    }
}
