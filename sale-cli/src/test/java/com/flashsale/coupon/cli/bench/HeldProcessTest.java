package com.flashsale.coupon.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeldProcessTest {

    private final Process sleeper;

    HeldProcessTest() throws IOException {
        sleeper = new ProcessBuilder("sleep", "60").start();
    }

    @AfterEach
    void endSleeper() {
        sleeper.destroyForcibly();
    }

    @Test
    void holdsTheProcessStillUntilClosed() {
        try (HeldProcess held = HeldProcess.hold(sleeper.pid())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> state(sleeper.pid()) == 'T');
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> state(sleeper.pid()) == 'S');
    }

    @Test
    void namesTheProcessItCannotHold() {
        long gone = sleeper.pid();
        sleeper.destroyForcibly();
        await().atMost(Duration.ofSeconds(5)).until(() -> !sleeper.isAlive());

        assertThatThrownBy(() -> HeldProcess.hold(gone)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kill -STOP " + gone + " failed");
    }

    /** The state letter in /proc/PID/stat: S sleeping, T stopped. */
    private static char state(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }
}
