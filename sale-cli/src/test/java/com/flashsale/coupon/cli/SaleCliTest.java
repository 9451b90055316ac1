package com.flashsale.coupon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SaleCliTest {

    @Test
    void defaultsAreTheSeedScenarioAgainstMakeRun() {
        SaleCommand sale = CommandLines.parse(Map.of(), "sale");

        assertThat(sale.services.gateway.base()).hasToString("http://127.0.0.1:8080");
        assertThat(sale.services.worker.base()).hasToString("http://127.0.0.1:8081");
        assertThat(sale.coupon.couponCode).isEqualTo("FLASH100");
        assertThat(sale.check.members).isEqualTo(500);
        assertThat(sale.quantity.quantity).isEqualTo(100);
        assertThat(sale.check.settleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(sale.services.adminToken).isEmpty();
        assertThat(sale.services.credentials().operator()).isEmpty();
        assertThat(sale.stores.settings().jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:3306/coupon?");
        assertThat(sale.stores.settings().redisDatabase()).isZero();
    }

    @Test
    void readsThePortsStoresAndTokenFromTheScriptsEnvironmentVariables() {
        Map<String, String> env = Map.of("GATEWAY_PORT", "18080", "WORKER_PORT", "18081", "COUPON_ADMIN_TOKEN", "secret",
                "MYSQL_PORT", "3307", "MYSQL_DATABASE", "sale", "REDIS_PORT", "16379", "REDIS_DATABASE", "3");

        SaleCommand sale = CommandLines.parse(env, "sale");
        VerifyCommand verify = CommandLines.parse(env, "verify", "--answers", "k6/results/flash-sale-summary.json");

        assertThat(sale.services.gateway.base()).hasToString("http://127.0.0.1:18080");
        assertThat(sale.services.worker.base()).hasToString("http://127.0.0.1:18081");
        assertThat(sale.services.credentials().operator()).containsEntry("X-Admin-Token", "secret");
        assertThat(sale.services.credentials().member(1)).as("the operator's token is not a member's").isEmpty();
        assertThat(verify.stores.settings().jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:3307/sale?");
        assertThat(verify.stores.settings().redisPort()).isEqualTo(16379);
        assertThat(verify.stores.settings().redisDatabase()).isEqualTo(3);
        assertThat(verify.answersFile).isEqualTo(Path.of("k6/results/flash-sale-summary.json"));
    }

    @Test
    void optionsOverrideTheEnvironment() {
        SaleCommand sale = CommandLines.parse(Map.of("COUPON_ADMIN_TOKEN", "env", "GATEWAY_PORT", "18080", "MYSQL_PORT", "3307"),
                "sale", "--gateway-url", "http://localhost:28080", "--members", "50", "--coupon", "WELCOME10",
                "--admin-token", "t", "--settle-timeout", "5", "--quantity", "20", "--mysql-port", "23306");

        assertThat(sale.services.gateway.base()).hasToString("http://localhost:28080");
        assertThat(sale.check.members).isEqualTo(50);
        assertThat(sale.coupon.couponCode).isEqualTo("WELCOME10");
        assertThat(sale.quantity.quantity).isEqualTo(20);
        assertThat(sale.services.adminToken).isEqualTo("t");
        assertThat(sale.check.settleTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(sale.stores.settings().mysqlPort()).isEqualTo(23306);
    }

    @Test
    void refusesWhatCannotBeRunSafelyWithTheUsageAndExitCodeTwo() {
        CommandLines.assertRefused(Map.of(), "no command given");
        CommandLines.assertRefused(Map.of(), "Unmatched argument", "explode");
        CommandLines.assertRefused(Map.of(), "refusing", "sale", "--gateway-url", "http://10.1.1.1:8080");
        CommandLines.assertRefused(Map.of(), "refusing", "reset", "--worker-url", "http://example.com:8081");
        CommandLines.assertRefused(Map.of(), "at most", "sale", "--members", "100000");
        CommandLines.assertRefused(Map.of(), "--members must be", "sale", "--members", "-1");
        CommandLines.assertRefused(Map.of(), "invalid coupon code", "sale", "--coupon", "{evil}");
        CommandLines.assertRefused(Map.of(), "Missing required parameter", "sale", "--members");
        CommandLines.assertRefused(Map.of(), "Unknown option", "verify", "--bogus");
        CommandLines.assertRefused(Map.of(), "'x' is not an int", "verify", "--settle-timeout", "x");
        CommandLines.assertRefused(Map.of("MYSQL_PORT", "x"), "MYSQL_PORT", "verify");
    }

    @Test
    void everyCommandExplainsItself() {
        for (String command : List.of("sale", "reset", "verify", "bench", "lab")) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = SaleCli.commandLine(Map.of());
            commandLine.setOut(new PrintWriter(out));

            assertThat(commandLine.execute(command, "--help")).as(command).isZero();
            assertThat(out.toString()).startsWith("Usage: sale.jar " + command).contains("--help");
        }
        StringWriter out = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute("--help")).isZero();
        assertThat(out.toString()).contains("sale ", "reset ", "verify ", "bench ", "lab ");
    }

    @Test
    void aStepThatFailsIsNamedWithExitCodeOne() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(Map.of());
        commandLine.setErr(new PrintWriter(err));

        // Port 1 on loopback: nothing listens there.
        int exit = commandLine.execute("reset", "--worker-url", "http://127.0.0.1:1");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("reset: cannot reach http://127.0.0.1:1").contains("make run");
    }

    @Test
    void moreCommandsRegisterBesideTheOthers() {
        CommandLine commandLine = SaleCli.commandLine(Map.of(), new Extra());

        assertThat(commandLine.getSubcommands()).containsKeys("sale", "reset", "verify", "bench", "lab", "extra");
        assertThat(commandLine.execute("extra", "--gateway-url", "http://127.0.0.1:9")).isZero();
    }

    @CommandLine.Command(name = "extra")
    static final class Extra implements Runnable {
        @CommandLine.Mixin
        ServiceOptions services;

        @Override
        public void run() {
            assertThat(services.gateway.base()).hasToString("http://127.0.0.1:9");
        }
    }
}
