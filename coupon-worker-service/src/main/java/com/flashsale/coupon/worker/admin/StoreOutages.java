package com.flashsale.coupon.worker.admin;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisReadOnlyException;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Whether a failure means that a data store could not be reached or did not answer in time: then, and
 * only then, an operator is told to try again ({@code 503}). Any other failure of a store (a constraint
 * the request broke, a query the worker got wrong, an error of a script) would fail the same way again,
 * and is an unexpected error.
 *
 * <p>The whole cause chain is looked at: a transaction that could not begin because no connection came
 * is a {@code CannotCreateTransactionException} around the pool's timeout, and Spring wraps every error
 * Redis answers, a replica refusing writes during a failover among them, as a {@code RedisSystemException}.
 */
final class StoreOutages {

    private static final List<Class<? extends Throwable>> OUTAGES = List.of(
            // Spring's own translation: no connection (JDBC, Redis, a Redis Cluster without a slot's
            // node), a connection lost on the way, and query, lock and Redis command timeouts.
            DataAccessResourceFailureException.class,
            RecoverableDataAccessException.class,
            TransientDataAccessException.class,
            // The same from JDBC, where something else wraps it: the pool's timeout
            // (SQLTransientConnectionException), a link failure, a server that refuses connections.
            SQLTransientException.class,
            SQLRecoverableException.class,
            SQLNonTransientConnectionException.class,
            // Redis answering that it cannot serve now: a replica that was primary (READONLY), a
            // dataset still loading, a script that keeps it busy.
            RedisReadOnlyException.class,
            RedisLoadingException.class,
            RedisBusyException.class,
            IOException.class);

    /** What else Redis answers while a primary is lost or a cluster reconfigures. */
    private static final List<String> UNAVAILABLE_REPLIES = List.of("MASTERDOWN", "CLUSTERDOWN", "TRYAGAIN", "NOREPLICAS");

    /** Deeper than any wrapping of Spring, Hibernate, the pool and the driver. */
    private static final int MAX_CAUSES = 32;

    private StoreOutages() {
    }

    static boolean isOutage(Throwable failure) {
        // A bounded walk, so a chain that loops back on itself ends too.
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (isOutageItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutageItself(Throwable cause) {
        if (OUTAGES.stream().anyMatch(type -> type.isInstance(cause))) {
            return true;
        }
        if (cause instanceof RedisCommandExecutionException reply) {
            // An error reply: an outage only if it says so; any other (ERR, WRONGTYPE, a script's error) is ours.
            String message = String.valueOf(reply.getMessage());
            return UNAVAILABLE_REPLIES.stream().anyMatch(message::startsWith);
        }
        // Lettuce's other failures are of the connection: closed, reset, not established.
        return cause instanceof RedisException;
    }
}
