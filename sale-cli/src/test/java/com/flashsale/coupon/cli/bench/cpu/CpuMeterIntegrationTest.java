package com.flashsale.coupon.cli.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accounting on this machine's own /proc, measuring real processes over a real short window. */
class CpuMeterIntegrationTest {

    @Test
    void measuresABusyProcessOverAShortWindow() throws Exception {
        Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            CpuMeter meter = CpuMeter.onThisMachine(List.of(new Watched(Role.GATEWAY, busy.pid(), false, "a busy loop")));
            CpuMeter.Reading before = meter.read();
            // Until the loop has been given at least three clock ticks, however busy the machine is.
            CpuMeter.Reading after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(meter::read, now -> now.ticks().get(Role.GATEWAY) - before.ticks().get(Role.GATEWAY) >= 3);
            CpuWindow window = meter.between(before, after);

            double wall = window.wall().toNanos() / 1e9;
            assertThat(window.seconds().get(Role.GATEWAY)).isGreaterThanOrEqualTo(0.03)
                    .isLessThanOrEqualTo(wall * window.cores() + 0.02);
            assertThat(window.machineBusySeconds()).isGreaterThanOrEqualTo(window.seconds().get(Role.GATEWAY) - 0.02);
            assertThat(window.cores()).isPositive();
            assertThat(window.machineSeconds()).isCloseTo(wall * window.cores(), within(0.5 * window.cores()));
        } finally {
            busy.destroyForcibly().waitFor();
        }
    }

    @Test
    void countsTheToolsThisProcessRanAndWaitedFor() throws Exception {
        CpuMeter meter = CpuMeter.onThisMachine(List.of(Watched.generator()));
        CpuMeter.Reading before = meter.read();

        Process tool = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done").start();
        assertThat(tool.waitFor()).isZero();
        CpuWindow window = meter.between(before, meter.read());

        // 100,000 rounds of a shell loop take well over one 10 ms tick of CPU.
        assertThat(window.seconds().get(Role.GENERATOR)).isGreaterThanOrEqualTo(0.02);
    }

    @Test
    void findsTheProcessListeningOnAPort() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Watched found = ProcessFinder.onThisMachine().find(Role.GATEWAY, null, server.getLocalPort());

            assertThat(found.pid()).isEqualTo(ProcessHandle.current().pid());
        }
    }
}
