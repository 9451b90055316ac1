package com.flashsale.coupon.cli.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuMeterTest {

    private static final long CLK_TCK = 100;

    @TempDir
    Path dir;

    @Test
    void aWindowIsWhatEachProcessAndTheMachineSpentBetweenTwoReadings() throws Exception {
        FakeProc proc = new FakeProc(dir).process(10, 1, 500, 100, 0, 0).process(20, 1, 40, 10, 0, 0)
                .process(30, 1, 1_000, 0, 7, 0).machine(10_000, 50_000, 2);
        CpuMeter meter = new CpuMeter(dir, CLK_TCK, List.of(new Watched(Role.GATEWAY, 10, false, "test"),
                new Watched(Role.REDIS, 20, false, "test"), new Watched(Role.GENERATOR, 30, true, "test")));

        CpuMeter.Reading before = meter.read();
        // 8 s on 2 cores: 1,600 ticks; the gateway spent 4 s, Redis 0.2 s, the generator's child (wrk) 1 s.
        proc.process(10, 1, 800, 200, 0, 0).process(20, 1, 55, 15, 0, 0).process(30, 1, 1_000, 0, 107, 0)
                .machine(10_000 + 1_200, 50_000 + 400, 2);
        CpuWindow window = meter.between(before, meter.read());

        assertThat(window.seconds()).containsEntry(Role.GATEWAY, 4.0).containsEntry(Role.REDIS, 0.2)
                .containsEntry(Role.GENERATOR, 1.0).doesNotContainKey(Role.KAFKA);
        assertThat(window.machineBusySeconds()).isEqualTo(12.0);
        assertThat(window.machineSeconds()).isEqualTo(16.0);
        assertThat(window.machineBusyShare()).isEqualTo(0.75);
        assertThat(window.processShare()).isCloseTo(5.2 / 16, within(1e-12));
        assertThat(window.cores()).isEqualTo(2);
    }

    @Test
    void aCostDividesTheWindowByTheRequestsInMicroseconds() {
        CpuWindow window = new CpuWindow(java.time.Duration.ofSeconds(8),
                java.util.Map.of(Role.GATEWAY, 4.0, Role.REDIS, 0.2, Role.GENERATOR, 1.0), 12.0, 16.0, 2);

        Cost cost = window.per(40_000);

        assertThat(cost.micros(Role.GATEWAY)).isEqualTo(100.0);
        assertThat(cost.micros(Role.REDIS)).isCloseTo(5.0, within(1e-9));
        assertThat(cost.micros(Role.KAFKA)).as("not measured").isNaN();
        assertThat(cost.processMicros()).isCloseTo(130.0, within(1e-9));
        assertThat(cost.machineMicros()).isEqualTo(300.0);
        assertThat(cost.otherMicros()).isCloseTo(170.0, within(1e-9));
        assertThatThrownBy(() -> window.per(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalProcessesOfOnePartAddUp() throws Exception {
        FakeProc proc = new FakeProc(dir).process(41, 1, 10, 0, 0, 0).process(42, 1, 20, 0, 0, 0).machine(0, 0, 2);
        CpuMeter meter = new CpuMeter(dir, CLK_TCK, List.of(new Watched(Role.REDIS, 41, false, "node 1"),
                new Watched(Role.REDIS, 42, false, "node 2")));

        CpuMeter.Reading before = meter.read();
        proc.process(41, 1, 60, 0, 0, 0).process(42, 1, 70, 0, 0, 0).machine(100, 100, 2);

        assertThat(meter.between(before, meter.read()).seconds()).containsEntry(Role.REDIS, 1.0);
    }

    @Test
    void aProcessThatIsGoneStopsTheMeasurementNamingIt() throws Exception {
        new FakeProc(dir).process(10, 1, 1, 1, 0, 0).machine(1, 1, 2);
        CpuMeter meter = new CpuMeter(dir, CLK_TCK, List.of(new Watched(Role.WORKER, 99, false, "from worker.pid")));

        assertThatThrownBy(meter::read).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("worker (pid 99, from worker.pid) is gone");
    }

    @Test
    void measuresTheWorkItRuns() throws Exception {
        FakeProc proc = new FakeProc(dir).process(10, 1, 0, 0, 0, 0).machine(0, 0, 2);
        CpuMeter meter = new CpuMeter(dir, CLK_TCK, List.of(new Watched(Role.GATEWAY, 10, false, "test")));

        CpuMeter.Measured<String> measured = meter.measure(() -> {
            proc.process(10, 1, 150, 50, 0, 0).machine(300, 100, 2);
            return "done";
        });

        assertThat(measured.result()).isEqualTo("done");
        assertThat(measured.window().seconds()).containsEntry(Role.GATEWAY, 2.0);
        assertThat(Files.exists(dir.resolve("stat"))).isTrue();
    }
}
