package com.flashsale.coupon.cli.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    /** Fields 14-17 are utime 700, stime 300, cutime 40, cstime 2; the name holds spaces and parentheses. */
    static final String STAT = "4242 (java (bench) x) S 1 4242 4242 0 -1 4194560 96 0 0 0 700 300 40 2 20 0 57 0"
            + " 1234567 8000000000 90000 18446744073709551615 1 1 0 0 0 0 0 4096 17415 0 0 0 17 1 0 0 0 0 0";

    @Test
    void readsUserAndSystemTimeAfterTheCommandName() {
        assertThat(ProcStat.processTicks(STAT, false)).isEqualTo(1_000);
    }

    @Test
    void addsTheReapedChildrenWhenAsked() {
        assertThat(ProcStat.processTicks(STAT, true)).isEqualTo(1_042);
    }

    @Test
    void refusesWhatIsNotAProcessStatLine() {
        assertThatThrownBy(() -> ProcStat.processTicks("4242 java S 1", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a /proc/<pid>/stat line");
        assertThatThrownBy(() -> ProcStat.processTicks("4242 (java) S 1 2 3", false))
                .hasMessageContaining("too few fields");
    }

    @Test
    void countsTheMachinesBusyAndTotalTicksAndItsCores() {
        List<String> stat = List.of("cpu  1000 10 200 5000 90 0 20 5 300 0", "cpu0 500 5 100 2500 45 0 10 2 150 0",
                "cpu1 500 5 100 2500 45 0 10 3 150 0", "intr 123 4 5", "ctxt 999");

        ProcStat.MachineTicks machine = ProcStat.machine(stat);

        // user+nice+system+idle+iowait+irq+softirq+steal; guest is already inside user.
        assertThat(machine.total()).isEqualTo(6_325);
        assertThat(machine.busy()).isEqualTo(6_325 - 5_000 - 90);
        assertThat(machine.cores()).isEqualTo(2);
    }

    @Test
    void refusesAFileThatIsNotTheMachinesStat() {
        assertThatThrownBy(() -> ProcStat.machine(List.of("intr 1"))).hasMessageContaining("not /proc/stat");
    }
}
