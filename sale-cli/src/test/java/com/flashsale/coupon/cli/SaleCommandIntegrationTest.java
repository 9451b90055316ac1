package com.flashsale.coupon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.testsupport.SaleStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code sale} against real MySQL and Redis holding a sold-out sale: whatever it cannot use, it says
 * so before its reset, and the stores are left as they were.
 */
class SaleCommandIntegrationTest {

    /** Loopback port 1: nothing listens there. */
    private static final String NOTHING = "http://127.0.0.1:1";

    @AutoClose
    private static SaleStores stores;

    @BeforeAll
    static void createStores() {
        stores = new SaleStores("coupon_cli_sale", 11);
    }

    @BeforeEach
    void soldOutSale() {
        stores.empty();
        stores.sell(100, 100);
    }

    @Test
    void aGatewayThatDoesNotAnswerIsNamedBeforeTheReset() {
        Run run = sale(stores.environment());

        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("the gateway is not usable", "cannot reach " + NOTHING, "make run")
                .doesNotContain("Sale reset");
        assertUntouched();
    }

    @Test
    void aMysqlThatRefusesTheLoginOrLacksTheDatabaseIsNamedBeforeTheReset() {
        Run password = sale(stores.environment(), "--mysql-password", "wrong");
        Run database = sale(stores.environment(), "--mysql-database", "no_such_database");

        assertThat(password.exit()).as(password.out()).isEqualTo(1);
        assertThat(password.out()).contains("MySQL refused the login", "--mysql-password");
        assertThat(database.exit()).as(database.out()).isEqualTo(1);
        assertThat(database.out()).contains("MySQL has no database no_such_database", "--mysql-database");
        assertUntouched();
    }

    @Test
    void aMysqlThatDoesNotAnswerIsNamedBeforeTheReset() {
        Run run = sale(stores.environment(), "--mysql-port", "1");

        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("MySQL is not usable", "--mysql-port");
        assertUntouched();
    }

    @Test
    void moreMembersThanAreActiveIsRefusedWithHowManyAre() {
        CommandLines.assertRefused(stores.environment(), "only 500 of members 1..510 are active", "sale",
                "--members", "510", "--gateway-url", NOTHING, "--worker-url", NOTHING, "--auth", "none");
        assertUntouched();
    }

    @Test
    void anUnwritableSummaryFileIsRefusedBeforeAnythingRuns() {
        CommandLines.assertRefused(stores.environment(), "--summary-file /proc/x.json cannot be written", "sale",
                "--summary-file", "/proc/x.json", "--gateway-url", NOTHING, "--worker-url", NOTHING, "--auth", "none");
    }

    private static void assertUntouched() {
        assertThat(stores.redis().zcard(SaleStores.FLASH100.issued())).isEqualTo(100);
        assertThat(stores.redis().get(SaleStores.FLASH100.stock())).isEqualTo("0");
    }

    private static Run sale(Map<String, String> env, String... more) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(new HashMap<>(env));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        List<String> args = new ArrayList<>(List.of("sale", "--gateway-url", NOTHING, "--worker-url", NOTHING, "--auth",
                "none", "--members", "5"));
        args.addAll(List.of(more));
        int exit = commandLine.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString());
    }

    private record Run(int exit, String out) {
    }
}
