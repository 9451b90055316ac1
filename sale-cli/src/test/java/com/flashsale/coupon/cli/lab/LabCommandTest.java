package com.flashsale.coupon.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.cli.SaleCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
        assertRefused("triple-clicks", "lab", "--loads=stock-left,triple-clicks");
    }

    @Test
    void namesTheOptionThatIsNotANumber() {
        assertRefused("'--stock-left-members': 'ten' is not an int", "lab", "--stock-left-members=ten");
        assertRefused("must be positive", "lab", "--stock=0");
    }

    @Test
    void theBenchSizesTheLabByItsCouponsAndItsConnections() {
        List<LabLoad> loads = Lab.loads(List.of("stock-left", "double-clicks"), 16, 300);

        assertThat(loads).containsExactly(LabLoad.stockLeft(16, 300, Duration.ofSeconds(20)),
                LabLoad.doubleClicks(16, 600, 300, Duration.ofSeconds(30)));
    }

    private static List<LabLoad> loads(String... args) {
        CommandLine commandLine = SaleCli.commandLine(Map.of());
        LabCommand lab = (LabCommand) commandLine.parseArgs(args).subcommand().commandSpec().userObject();
        return lab.lab.loads(lab.spec);
    }

    private static void assertRefused(String message, String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(Map.of());
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));

        int exit = commandLine.execute(args);

        assertThat(exit).as("exit code of %s", List.of(args)).isEqualTo(2);
        assertThat(err.toString()).contains(message).contains("Usage: sale.jar lab");
    }
}
