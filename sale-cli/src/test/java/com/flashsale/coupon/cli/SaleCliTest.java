package com.flashsale.coupon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.flashsale.coupon.kit.token.TokenIssuer;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SaleCliTest {

    @Test
    void defaultsAreTheSeedScenarioAgainstMakeRun() {
        SaleCommand sale = CommandLines.parse(Map.of(), "sale");

        assertThat(sale.services.gateway.base()).hasToString("http://127.0.0.1:8080");
        assertThat(sale.services.worker.base()).hasToString("http://127.0.0.1:8081");
        assertThat(sale.reset.couponCode()).isEqualTo("FLASH100");
        assertThat(sale.check.members).isEqualTo(500);
        assertThat(sale.reset.quantity).isEqualTo(100);
        assertThat(sale.check.settleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(sale.services.auth).isEqualTo(ServiceOptions.Auth.jwt);
        assertThat(sale.services.tokens.keyDirectory).isEqualTo(Path.of(".local/auth"));
        assertThat(sale.services.tokens.issuer).isEqualTo("flash-sale-dev");
        assertThat(sale.services.tokens.audience).isEqualTo("coupon-api");
        assertThat(sale.stores.settings().jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:3306/coupon?");
        assertThat(sale.stores.settings().redisDatabase()).isZero();
    }

    @Test
    void readsThePortsStoresAndKeysFromTheScriptsEnvironmentVariables(@TempDir Path keys) {
        TokenIssuer development = TokenIssuer.createDevelopmentPair(keys);
        Map<String, String> env = Map.of("GATEWAY_PORT", "18080", "WORKER_PORT", "18081", "AUTH_KEY_DIR", keys.toString(),
                "AUTH_ISSUER", "https://id.example", "AUTH_AUDIENCES", "coupons, other",
                "MYSQL_PORT", "3307", "MYSQL_DATABASE", "sale", "REDIS_PORT", "16379", "REDIS_DATABASE", "3");

        SaleCommand sale = CommandLines.parse(env, "sale");
        VerifyCommand verify = CommandLines.parse(env, "verify", "--answers", "k6/results/flash-sale-summary.json");

        assertThat(sale.services.gateway.base()).hasToString("http://127.0.0.1:18080");
        assertThat(sale.services.worker.base()).hasToString("http://127.0.0.1:18081");
        assertThat(sale.services.tokens.issuer).isEqualTo("https://id.example");
        assertThat(sale.services.tokens.audience).isEqualTo("coupons");
        assertThat(sale.services.credentials().member(1).get("Authorization")).startsWith("Bearer ey");
        assertThat(sale.services.credentials().member(1)).as("one token per member, kept")
                .isEqualTo(sale.services.credentials().member(1))
                .isNotEqualTo(sale.services.credentials().member(2))
                .isNotEqualTo(sale.services.credentials().operator());
        assertThat(development.publicKeyPem()).isEqualTo(TokenIssuer.development(keys).publicKeyPem());
        assertThat(verify.stores.settings().jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:3307/sale?");
        assertThat(verify.stores.settings().redisPort()).isEqualTo(16379);
        assertThat(verify.stores.settings().redisDatabase()).isEqualTo(3);
        assertThat(verify.answersFile).isEqualTo(Path.of("k6/results/flash-sale-summary.json"));
        assertThat(verify.kafka.issuedTopic).isEqualTo("coupon-issued");
        assertThat(verify.kafka.workerGroup).isEqualTo("coupon-worker");
        VerifyCommand renamed = CommandLines.parse(Map.of("KAFKA_PORT", "19092", "COUPON_KAFKA_ISSUEDTOPIC", "issued-2",
                "COUPON_KAFKA_GROUPID", "worker-2"), "verify");
        assertThat(renamed.kafka.bootstrapServers).isEqualTo("127.0.0.1:19092");
        assertThat(renamed.kafka.issuedTopic).isEqualTo("issued-2");
        assertThat(renamed.kafka.workerGroup).isEqualTo("worker-2");
    }

    @Test
    void optionsOverrideTheEnvironment() {
        SaleCommand sale = CommandLines.parse(Map.of("AUTH_KEY_DIR", "/nowhere", "GATEWAY_PORT", "18080", "MYSQL_PORT", "3307"),
                "sale", "--gateway-url", "http://localhost:28080", "--members", "50", "--coupon", "WELCOME10",
                "--auth", "none", "--settle-timeout", "5", "--quantity", "20", "--mysql-port", "23306");

        assertThat(sale.services.gateway.base()).hasToString("http://localhost:28080");
        assertThat(sale.check.members).isEqualTo(50);
        assertThat(sale.reset.couponCode()).isEqualTo("WELCOME10");
        assertThat(sale.reset.quantity).isEqualTo(20);
        assertThat(sale.services.credentials().member(1)).isEmpty();
        assertThat(sale.services.credentials().operator()).isEmpty();
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
    void refusesTargetsThatAreNotHostAndPortNamingTheOption() {
        for (String url : List.of("http://127.0.0.1:99999", "http://127.0.0.1", "http://127.0.0.1:0",
                "http://127.0.0.1:8080/api", "http://127.0.0.1:8080?x=1", "http://127.0.0.1:8080#f")) {
            CommandLines.assertRefused(Map.of(), "--worker-url", "reset", "--worker-url", url);
            CommandLines.assertRefused(Map.of(), "--gateway-url", "sale", "--gateway-url", url);
        }
        StringWriter err = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(Map.of());
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("sale", "--gateway-url", "http://ops:s3cret@127.0.0.1:8080")).isEqualTo(2);
        assertThat(err.toString()).contains("--gateway-url", "without a user or password").doesNotContain("s3cret");
    }

    @Test
    void refusesStoreLocationsThatCannotExistNamingTheOption() {
        CommandLines.assertRefused(Map.of(), "--redis-cluster-nodes", "verify", "--redis-cluster-nodes", "garbage");
        CommandLines.assertRefused(Map.of(), "--redis-cluster-nodes", "verify", "--redis-cluster-nodes", "a:1,b:x");
        CommandLines.assertRefused(Map.of(), "--redis-database", "verify", "--redis-database", "-1");
        CommandLines.assertRefused(Map.of(), "--redis-database", "verify", "--redis-database", "16");
        CommandLines.assertRefused(Map.of(), "--redis-port", "verify", "--redis-port", "-5");
        CommandLines.assertRefused(Map.of(), "--mysql-port", "sale", "--mysql-port", "70000");
    }

    @Test
    void refusesAKeyFileGivenForTheKeyDirectory(@TempDir Path keys) {
        TokenIssuer.createDevelopmentPair(keys);

        CommandLines.assertRefused(Map.of(), "--key-dir", "token", "--member", "1", "--key-dir",
                keys.resolve("private.pem").toString());
    }

    @Test
    void refusesAQuietPeriodThatCannotBeObserved() {
        CommandLines.assertRefused(Map.of(), "--quiet-period must be at least 0.001", "verify", "--quiet-period", "0");
        CommandLines.assertRefused(Map.of(), "--quiet-period must be at least 0.001", "sale", "--quiet-period", "-1");
        CommandLines.assertRefused(Map.of(), "--quiet-period must be at least 0.001", "verify", "--quiet-period", "0.0001");
        CommandLines.assertRefused(Map.of(), "less than --settle-timeout", "verify", "--quiet-period",
                "18446744073709551.616");
        CommandLines.assertRefused(Map.of(), "less than --settle-timeout", "verify", "--quiet-period", "100",
                "--settle-timeout", "3");
        CommandLines.assertRefused(Map.of(), "less than --settle-timeout", "verify", "--quiet-period", "3",
                "--settle-timeout", "3");
        VerifyCommand verify = CommandLines.parse(Map.of(), "verify", "--quiet-period", "0.5");
        assertThat(verify.check.quietPeriod()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void helpListsOnlyWhatACommandReadsAndSaysWhatItChanges() {
        String reset = help("reset");
        String lab = help("lab");
        String sale = help("sale");

        assertThat(reset).doesNotContain("--gateway-url").contains("--worker-url", "every campaign's", "Exit code:");
        assertThat(help("token")).contains("Exit code:");
        assertThat(sale).contains("every campaign's issue and failure rows deleted");
        assertThat(lab).doesNotContain("--mysql-database", "--redis-database").contains("--mysql-port");
        CommandLines.assertRefused(Map.of(), "Unknown option", "reset", "--gateway-url", "http://127.0.0.1:8080");
        StringWriter err = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(Map.of());
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("lab", "--redis-database", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
    }

    @Test
    void refusesBlankTokenClaims(@TempDir Path keys) {
        TokenIssuer.createDevelopmentPair(keys);
        Map<String, String> env = Map.of("AUTH_KEY_DIR", keys.toString());

        CommandLines.assertRefused(env, "--subject", "token", "--scope", "coupon:admin", "--subject", "");
        CommandLines.assertRefused(env, "--token-issuer", "token", "--member", "1", "--token-issuer", " ");
        CommandLines.assertRefused(env, "--token-audience", "token", "--member", "1", "--token-audience", "");
    }

    @Test
    void findsTheDefaultKeyDirectoryUnderTheRepositoryRootAndSaysWhereItLooked(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve(".local/auth"));
        Path module = Files.createDirectories(root.resolve("sale-cli/target"));
        TokenCommand token = CommandLines.parse(Map.of(), "token", "--member", "1");
        TokenCommand given = CommandLines.parse(Map.of(), "token", "--member", "1", "--key-dir", "keys");

        assertThat(token.tokens.keyDirectory(module)).isEqualTo(root.resolve(".local/auth"));
        assertThat(token.tokens.keyDirectory(root)).isEqualTo(Path.of(".local/auth"));
        assertThat(given.tokens.keyDirectory(module)).as("a directory given is taken as given").isEqualTo(Path.of("keys"));

        StringWriter err = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(Map.of("AUTH_KEY_DIR", "no/such/dir"));
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute("token", "--member", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("no private key at " + Path.of("no/such/dir/private.pem").toAbsolutePath(),
                "--key-dir", "$AUTH_KEY_DIR");
    }

    private static String help(String command) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute(command, "--help")).isZero();
        return out.toString();
    }

    @Test
    void everyCommandExplainsItself() {
        for (String command : List.of("sale", "reset", "verify", "bench", "lab", "token")) {
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
        assertThat(out.toString()).contains("sale ", "reset ", "verify ", "bench ", "lab ", "token ");
    }

    @Test
    void aStepThatFailsIsNamedWithExitCodeOne() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(Map.of());
        commandLine.setErr(new PrintWriter(err));

        // Port 1 on loopback: nothing listens there.
        int exit = commandLine.execute("reset", "--worker-url", "http://127.0.0.1:1", "--auth", "none");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("reset: cannot reach http://127.0.0.1:1").contains("make run");
    }

    @Test
    void saysHowToCreateTheKeyWhenTokensCannotBeSigned(@TempDir Path keys) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(Map.of("AUTH_KEY_DIR", keys.toString()));
        commandLine.setErr(new PrintWriter(err));

        assertThat(commandLine.execute("reset", "--worker-url", "http://127.0.0.1:1")).isEqualTo(1);
        assertThat(err.toString()).contains("no private key at " + keys.resolve("private.pem"), "make dev-keys", "--auth=none");
    }

    @Test
    void printsAMembersOrAnOperatorsTokenSignedWithTheDevelopmentKey(@TempDir Path keys) throws Exception {
        TokenIssuer.createDevelopmentPair(keys);
        String pem = Files.readString(keys.resolve("public.pem")).replaceAll("-----[A-Z ]+-----|\\s", "");
        RSASSAVerifier developmentKey = new RSASSAVerifier((RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem))));

        SignedJWT member = SignedJWT.parse(token(keys, "token", "--member", "42"));
        SignedJWT operator = SignedJWT.parse(token(keys, "token", "--scope", "coupon:admin"));

        assertThat(member.verify(developmentKey)).isTrue();
        assertThat(member.getJWTClaimsSet().getSubject()).isEqualTo("42");
        assertThat(member.getJWTClaimsSet().getIssuer()).isEqualTo("flash-sale-dev");
        assertThat(member.getJWTClaimsSet().getAudience()).containsExactly("coupon-api");
        assertThat(member.getJWTClaimsSet().getClaim("scope")).isNull();
        assertThat(operator.verify(developmentKey)).isTrue();
        assertThat(operator.getJWTClaimsSet().getSubject()).isEqualTo("operator");
        assertThat(operator.getJWTClaimsSet().getClaim("scope")).isEqualTo("coupon:admin");
        List<String> first = token(keys, "token", "--members", "3").lines().toList();
        assertThat(first).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(SignedJWT.parse(first.get(i)).getJWTClaimsSet().getSubject()).isEqualTo(Integer.toString(i + 1));
        }
        CommandLines.assertRefused(Map.of("AUTH_KEY_DIR", keys.toString()), "alone", "token", "--members", "3", "--member", "1");
        CommandLines.assertRefused(Map.of("AUTH_KEY_DIR", keys.toString()), "give --member", "token");
        CommandLines.assertRefused(Map.of("AUTH_KEY_DIR", keys.toString()), "--member must be", "token", "--member", "0");
    }

    private static String token(Path keys, String... args) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = SaleCli.commandLine(Map.of("AUTH_KEY_DIR", keys.toString()));
        commandLine.setOut(new PrintWriter(out));
        assertThat(commandLine.execute(args)).isZero();
        return out.toString().strip();
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
