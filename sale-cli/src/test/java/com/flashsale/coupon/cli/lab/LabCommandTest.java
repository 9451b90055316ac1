package com.flashsale.coupon.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.cli.CommandLines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabCommandTest {

    @Test
    void runsAStockLeftLoadWhereEveryAttemptIssuesThenTheDoubleClicks() {
        List<LabLoad> loads = loads("lab", "--clients=32");

        assertThat(loads).containsExactly(
                new LabLoad(LabLoad.STOCK_LEFT, 32, 10_000, 1, 10_000, Duration.ofSeconds(20)),
                new LabLoad(LabLoad.DOUBLE_CLICKS, 32, 20_000, 2, 10_000, Duration.ofSeconds(30)));
        LabLoad stockLeft = loads.getFirst();
        assertThat(stockLeft.attempts()).isEqualTo(stockLeft.stock());
        assertThat(stockLeft.memberOf(stockLeft.attempts() - 1)).isEqualTo(stockLeft.members());
    }

    @Test
    void sizesEachLoadByItsOwnOptions() {
        List<LabLoad> loads = loads("lab", "--loads=double-clicks,stock-left", "--members=300", "--stock=100",
                "--time-limit=5", "--stock-left-members=50", "--stock-left-time-limit=2");

        assertThat(loads).containsExactly(
                LabLoad.doubleClicks(64, 300, 100, Duration.ofSeconds(5)),
                LabLoad.stockLeft(64, 50, Duration.ofSeconds(2)));
    }

    @Test
    void aMembersTwoAttemptsAreNextToEachOtherInTheQueue() {
        assertThat(LabLoad.doubleClicks(4, 3, 2, Duration.ofSeconds(1)).requests()).containsExactly(1, 1, 2, 2, 3, 3);
    }

    @Test
    void refusesALoadItDoesNotKnow() {
        CommandLines.assertRefused(Map.of(), "triple-clicks", "lab", "--loads=stock-left,triple-clicks");
    }

    @Test
    void namesTheOptionThatIsNotANumber() {
        CommandLines.assertRefused(Map.of(), "'--stock-left-members': 'ten' is not an int", "lab", "--stock-left-members=ten");
        CommandLines.assertRefused(Map.of(), "must be positive", "lab", "--stock=0");
    }

    @Test
    void theBenchSizesTheLabByItsCouponsAndItsConnections() {
        List<LabLoad> loads = Lab.loads(List.of("stock-left", "double-clicks"), 16, 300);

        assertThat(loads).containsExactly(LabLoad.stockLeft(16, 300, Duration.ofSeconds(20)),
                LabLoad.doubleClicks(16, 600, 300, Duration.ofSeconds(30)));
    }

    private static List<LabLoad> loads(String... args) {
        LabCommand lab = CommandLines.parse(Map.of(), args);
        return lab.lab.loads(lab.spec);
    }
}
