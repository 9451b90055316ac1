package com.flashsale.coupon.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.cli.CommandLines;
import com.flashsale.coupon.cli.SaleCli;
import com.flashsale.coupon.cli.lab.LabLoad;
import com.flashsale.coupon.kit.token.TokenIssuer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    @Test
    void findsTheSystemMakeRunStartedThroughTheScriptsEnvironment() {
        BenchSettings s = settings(Map.of("GATEWAY_PORT", "28080", "WORKER_PORT", "28081", "REDIS_PORT", "26379",
                "MYSQL_PORT", "23306", "KAFKA_PORT", "29092", "INFRA_HOME", "/work/infra/slot2", "RUN_DIR", "/tmp/run"),
                "bench", "--gateway-url=http://127.0.0.1:28090");

        assertThat(s.processes()).isEqualTo(new BenchSettings.Processes(Path.of("/work/infra/slot2/run"),
                Path.of("/tmp/run"), 28090, 28081, List.of(26379), false, 23306, List.of(29092)));
        assertThat(s.kafkaBootstrap()).isEqualTo("127.0.0.1:29092");
        assertThat(s.stores().jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:23306/coupon?");
        assertThat(s.labServers().mysqlServerUrl()).isEqualTo("jdbc:mysql://127.0.0.1:23306/");
        assertThat(s.labServers().kafkaBootstrap()).isEqualTo("127.0.0.1:29092");
    }

    @Test
    void measuresEveryNodeOfARedisClusterAndEveryBroker() {
        BenchSettings s = settings(Map.of("REDIS_MODE", "cluster", "REDIS_CLUSTER_NODES", "127.0.0.1:7001,127.0.0.1:7002",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9192,127.0.0.1:9292,127.0.0.1:9392"), "bench");

        assertThat(s.processes().redisCluster()).isTrue();
        assertThat(s.processes().redisPorts()).containsExactly(7001, 7002);
        assertThat(s.processes().kafkaPorts()).containsExactly(9192, 9292, 9392);
        assertThat(s.stores().redisCluster()).isTrue();
    }

    @Test
    void defaultsAreTheMeasuredRunOfTheDocs() {
        BenchSettings s = settings(Map.of(), "bench");

        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(8));
        assertThat(s.warmup()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.connections()).isEqualTo(64);
        assertThat(s.members()).isEqualTo(200_000);
        assertThat(s.saleQuantity()).isEqualTo(10_000);
        assertThat(s.fixedRate()).as("chosen from the issue row's cost").isZero();
        assertThat(s.processes().infraRunDir()).isEqualTo(Path.of(".local/infra/run"));
        assertThat(s.processes().servicesRunDir()).isEqualTo(Path.of(".local/run"));
        assertThat(s.labLoads()).containsExactly(LabLoad.stockLeft(64, 10_000, Duration.ofSeconds(20)),
                LabLoad.doubleClicks(64, 20_000, 10_000, Duration.ofSeconds(30)));
    }

    @Test
    void measuresTheRowsWithTokensOnTheSecondGatewayWithTokensSignedByTheDevelopmentKey(@TempDir Path keys) {
        TokenIssuer development = TokenIssuer.createDevelopmentPair(keys);

        BenchSettings s = settings(Map.of("AUTH_KEY_DIR", keys.toString()), "bench",
                "--tokens-gateway-url=http://127.0.0.1:28094");

        assertThat(s.tokens()).hasValueSatisfying(tokens -> {
            assertThat(tokens.port()).isEqualTo(28094);
            assertThat(tokens.issuer().publicKeyPem()).isEqualTo(development.publicKeyPem());
            assertThat(tokens.issuer().issuer()).isEqualTo("flash-sale-dev");
        });
        assertThat(s.wrkScript()).as("the one script, given the tokens file").isEqualTo(Path.of("bench/wrk/issue.lua"));
        assertThat(settings(Map.of(), "bench").tokens()).as("no second gateway: no rows with tokens").isEmpty();
    }

    @Test
    void theLabTakesItsSizeAndItsLoadsFromTheBenchsOwnOptions() {
        BenchSettings s = settings(Map.of(), "bench", "--lab-loads=stock-left", "--lab-coupons=300", "--connections=16",
                "--duration=5");

        assertThat(s.labLoads()).containsExactly(LabLoad.stockLeft(16, 300, Duration.ofSeconds(20)));
        assertThat(settings(Map.of(), "bench", "--lab-loads=none").labLoads()).isEmpty();
    }

    @Test
    void refusesWhatCannotBeRunSafelyWithTheUsageAndExitCodeTwo() {
        CommandLines.assertRefused(Map.of(), "--lab-loads", "bench", "--lab-loads=triple-clicks");
        CommandLines.assertRefused(Map.of(), "--connections must be", "bench", "--connections=0");
        CommandLines.assertRefused(Map.of(), "--sale-quantity must be", "bench", "--sale-quantity=100000");
        CommandLines.assertRefused(Map.of(), "'x' is not an int", "bench", "--duration=x");
        CommandLines.assertRefused(Map.of(), "Unknown option", "bench", "--bogus=1");
        CommandLines.assertRefused(Map.of(), "refusing", "bench", "--gateway-url=http://10.0.0.1:8090");
        CommandLines.assertRefused(Map.of(), "--kafka: expected host:port", "bench", "--kafka=nowhere");
    }

    @Test
    void explainsItself() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out));

        assertThat(commandLine.execute("bench", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: sale.jar bench").contains("--duration", "--lab-loads",
                "--infra-run-dir", "CPU time per request");
    }

    private static BenchSettings settings(Map<String, String> env, String... args) {
        BenchCommand bench = CommandLines.parse(env, args);
        return bench.settings();
    }
}
