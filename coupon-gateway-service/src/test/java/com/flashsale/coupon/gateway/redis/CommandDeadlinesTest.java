package com.flashsale.coupon.gateway.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Lettuce's own command objects, answered (or not) by the test instead of by Redis. */
class CommandDeadlinesTest {

    private final CommandDeadlines deadlines = new CommandDeadlines(Duration.ofMillis(200));

    @Test
    void anUnansweredCommandFailsWithLettucesTimeoutOnceTheTimeoutHasPassed() {
        AsyncCommand<String, String, String> silent = command();
        CompletableFuture<Long> failedAfter = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            assertThatThrownBy(() -> deadlines.await(silent)).isInstanceOf(RedisCommandTimeoutException.class);
            return (System.nanoTime() - started) / 1_000_000;
        });
        // The gateway sweeps every 50 ms on a thread of its own; here the test is that thread.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> {
            deadlines.sweep();
            return failedAfter.isDone();
        });
        assertThat(failedAfter.join()).isGreaterThanOrEqualTo(200);
        assertThat(deadlines.tracked()).isZero();
    }

    @Test
    void answersAndRedisErrorsComeBackAsTheyAreAndLeaveNothingTracked() {
        AsyncCommand<String, String, String> answered = command();
        answered.complete("PONG");
        assertThat(deadlines.await(answered)).isEqualTo("PONG");

        AsyncCommand<String, String, String> refused = command();
        CompletableFuture<Throwable> thrown = CompletableFuture.supplyAsync(() -> {
            try {
                deadlines.await(refused);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        refused.completeExceptionally(new RedisCommandExecutionException("NOSCRIPT No matching script"));
        assertThat(thrown.join()).isInstanceOf(RedisCommandExecutionException.class).hasMessageContaining("NOSCRIPT");

        deadlines.sweep();
        assertThat(deadlines.tracked()).isZero();
    }

    private static AsyncCommand<String, String, String> command() {
        return new AsyncCommand<>(new Command<>(CommandType.PING, new StatusOutput<>(StringCodec.UTF8)));
    }
}
