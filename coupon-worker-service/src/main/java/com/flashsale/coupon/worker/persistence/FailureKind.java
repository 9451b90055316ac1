package com.flashsale.coupon.worker.persistence;

import com.flashsale.coupon.events.UnreadableEventException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Which failures retrying can cure. A transient one (the database is down or slow) must never lead
 * to a dead letter: the member was already told yes. A permanent one (unreadable event, unknown
 * member or coupon) cannot succeed on retry and goes to the dead-letter topic at once.
 *
 * <p>Three kinds, not the retryable-or-not of spring-kafka's exception classification: the error
 * handlers pick a back-off per kind (without limit for a transient failure, a few attempts for any
 * other), and the failed-delivery counter is tagged with it.
 */
public enum FailureKind {
    TRANSIENT, PERMANENT, OTHER;

    public static final List<Class<? extends Exception>> PERMANENT_TYPES = List.of(UnreadableEventException.class,
            DataIntegrityViolationException.class);

    private static final List<Class<? extends Exception>> TRANSIENT_TYPES = List.of(
            DataAccessResourceFailureException.class,
            CannotGetJdbcConnectionException.class,
            TransientDataAccessException.class, // query timeouts, lock wait timeouts, deadlock losers
            QueryTimeoutException.class,
            RecoverableDataAccessException.class);

    /** Looks through the whole cause chain: listener containers wrap what the feature threw. */
    public static FailureKind of(Throwable failure) {
        if (causedBy(failure, TRANSIENT_TYPES)) {
            return TRANSIENT;
        }
        return causedBy(failure, PERMANENT_TYPES) ? PERMANENT : OTHER;
    }

    private static boolean causedBy(Throwable failure, List<Class<? extends Exception>> types) {
        return causes(failure).stream().anyMatch(cause -> types.stream().anyMatch(type -> type.isInstance(cause)));
    }

    /** The failure and its causes, outermost first; a chain that loops back is cut where it does. */
    private static List<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
