package com.flashsale.coupon.lab.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.coupon.lab.Options;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabCommandTest {

    @Test
    void runsAStockLeftLoadWhereEveryAttemptIssuesThenTheDoubleClicks() {
        List<LabLoad> loads = LabCommand.loads(Options.parse(new String[] {"--clients=32"}, 0));

        assertThat(loads).containsExactly(
                new LabLoad(LabLoad.STOCK_LEFT, 32, 10_000, 1, 10_000, Duration.ofSeconds(20)),
                new LabLoad(LabLoad.DOUBLE_CLICKS, 32, 20_000, 2, 10_000, Duration.ofSeconds(30)));
        LabLoad stockLeft = loads.getFirst();
        assertThat(stockLeft.attempts()).isEqualTo(stockLeft.stock());
        assertThat(stockLeft.memberOf(stockLeft.attempts() - 1)).isEqualTo(stockLeft.members());
    }

    @Test
    void sizesEachLoadByItsOwnOptions() {
        List<LabLoad> loads = LabCommand.loads(Options.parse(new String[] {
            "--loads=double-clicks,stock-left", "--members=300", "--stock=100", "--time-limit=5",
            "--stock-left-members=50", "--stock-left-time-limit=2"}, 0));

        assertThat(loads).containsExactly(
                LabLoad.doubleClicks(64, 300, 100, Duration.ofSeconds(5)),
                LabLoad.stockLeft(64, 50, Duration.ofSeconds(2)));
    }

    @Test
    void refusesALoadItDoesNotKnow() {
        assertThatThrownBy(() -> LabCommand.loads(Options.parse(new String[] {"--loads=stock-left,triple-clicks"}, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("triple-clicks");
    }

    @Test
    void namesTheOptionThatIsNotANumber() {
        assertThatThrownBy(() -> LabCommand.loads(Options.parse(new String[] {"--stock-left-members=ten"}, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--stock-left-members: expected a whole number, got 'ten'");
    }

    @Test
    void theBenchHandsTheLabItsPrefixedOptions() {
        Options bench = Options.parse(new String[] {"--lab-members=300", "--duration=8", "--lab-clients=16"}, 0);

        Options lab = bench.withPrefix("lab-").withDefault("clients", 64).withDefault("stock", 100);

        assertThat(lab.values()).containsOnlyKeys("members", "clients", "stock");
        assertThat(lab.integer("clients", 0)).isEqualTo(16);
        assertThat(lab.integer("stock", 0)).isEqualTo(100);
    }
}
