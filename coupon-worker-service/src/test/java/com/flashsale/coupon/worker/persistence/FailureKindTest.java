package com.flashsale.coupon.worker.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.events.UnreadableEventException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class FailureKindTest {

    @Test
    void findsATransientDatabaseFailureBehindTheContainersWrappers() {
        Exception wrapped = new ListenerExecutionFailedException("listener failed", new BatchListenerFailedException(
                "record 0 failed", new CannotGetJdbcConnectionException("no connection",
                        new SQLTransientConnectionException("pool exhausted")), 0));

        assertThat(FailureKind.of(wrapped)).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void treatsTimeoutsLockWaitsAndRecoverableFailuresAsTransient() {
        assertThat(FailureKind.of(new QueryTimeoutException("slow"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new CannotAcquireLockException("lock wait timeout"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new RecoverableDataAccessException("link failure"))).isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void treatsUnreadableEventsAndIntegrityViolationsAsPermanent() {
        assertThat(FailureKind.of(new BatchListenerFailedException("poison",
                new UnreadableEventException("not json"), 3))).isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(new DataIntegrityViolationException("unknown member")))
                .isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void leavesAnythingElseToTheLimitedRetries() {
        assertThat(FailureKind.of(new BadSqlGrammarException("insert", "INSERT", new SQLException("no table"))))
                .isEqualTo(FailureKind.OTHER);
        assertThat(FailureKind.of(new IllegalStateException("bug"))).isEqualTo(FailureKind.OTHER);
    }

    @Test
    void survivesACauseChainThatLoops() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(FailureKind.of(first)).isEqualTo(FailureKind.OTHER);
    }
}
