package com.flashsale.coupon.worker.admin;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import io.lettuce.core.RedisReadOnlyException;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.ClusterStateFailureException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Store failures as Spring, the JDBC driver, the pool and Lettuce raise them: those that mean "try
 * again" ({@link StoreOutagesTest} classifies them, {@link AdminControllersTest} checks each answer).
 */
final class StoreFailures {

    /** A store out of reach or too slow: a retry may succeed. */
    static final List<RuntimeException> OUTAGES = List.of(
            new DataAccessResourceFailureException("Connection refused"),
            new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"),
            new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new SQLTransientConnectionException("request timed out after 5000ms")),
            new RedisConnectionFailureException("Unable to connect to Redis"),
            new RedisConnectionFailureException("Unable to connect to Redis", new RedisConnectionException("refused")),
            new ClusterStateFailureException("no node serves the slot"),
            new QueryTimeoutException("Redis command timed out"),
            new QueryTimeoutException("Redis command timed out", new RedisCommandTimeoutException("1 second(s)")),
            new TransientDataAccessResourceException("server is shutting down"),
            new CannotAcquireLockException("Lock wait timeout exceeded"),
            new RecoverableDataAccessException("Communications link failure"),
            new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                    new SQLTransientConnectionException("Connection is not available, request timed out after 5000ms")),
            new TransactionSystemException("Could not commit", new SQLRecoverableException("link failure")),
            new JpaSystemException(new RuntimeException(new SQLNonTransientConnectionException("Could not create connection"))),
            new JpaSystemException(new RuntimeException(new SQLTimeoutException("Statement cancelled due to timeout"))),
            new RedisSystemException("Error in execution", new RedisReadOnlyException("READONLY You can't write against a read only replica.")),
            new RedisSystemException("Error in execution", new RedisLoadingException("LOADING Redis is loading the dataset in memory")),
            new RedisSystemException("Error in execution", new RedisBusyException("BUSY Redis is busy running a script.")),
            new RedisSystemException("Error in execution", new RedisCommandExecutionException("MASTERDOWN Link with MASTER is down")),
            new RedisSystemException("Error in execution", new RedisCommandExecutionException("CLUSTERDOWN The cluster is down")),
            new RedisSystemException("Error in execution", new RedisCommandExecutionException("TRYAGAIN Multiple keys request during rehashing of slot")),
            new RedisSystemException("Redis exception", new RedisException("Connection closed")),
            new RedisSystemException("Unknown redis exception", new IOException("Connection reset by peer")));

    /** A store that answered, but refused what it was asked: a retry fails the same way. */
    static final List<RuntimeException> NO_OUTAGES = List.of(
            new DataIntegrityViolationException("Data too long for column"),
            new DataIntegrityViolationException("Data truncation: Data too long for column 'operator_name'"),
            new DataIntegrityViolationException("Data truncation: Incorrect datetime value: '+10000-01-01'"),
            new DuplicateKeyException("Duplicate entry 'SPRING25' for key 'uk_coupons_code'"),
            new InvalidDataAccessApiUsageException("Page offset exceeds Integer.MAX_VALUE"),
            new InvalidDataAccessResourceUsageException("Unknown column 'nope'"),
            new RedisSystemException("Error in execution", new RedisCommandExecutionException(
                    "ERR user_script:12: attempt to compare nil with number")),
            new RedisSystemException("Error in execution", new RedisCommandExecutionException(
                    "WRONGTYPE Operation against a key holding the wrong kind of value")),
            new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                    new IllegalStateException("EntityManagerFactory is closed")));

    private StoreFailures() {
    }
}
