package com.flashsale.coupon.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsAreTheSeedScenarioAgainstMakeRun() {
        Options options = Options.parse(List.of("run"), Map.of());

        assertThat(options.command()).isEqualTo(Command.RUN);
        assertThat(options.gateway().base()).hasToString("http://127.0.0.1:8080");
        assertThat(options.worker().base()).hasToString("http://127.0.0.1:8081");
        assertThat(options.couponCode()).isEqualTo("FLASH100");
        assertThat(options.members()).isEqualTo(500);
        assertThat(options.quantity()).isEqualTo(100);
        assertThat(options.settleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.adminToken()).isEmpty();
        assertThat(options.stores().jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:3306/coupon?");
        assertThat(options.stores().redisDatabase()).isZero();
    }

    @Test
    void readsTheStoresAndTokenFromTheServicesEnvironmentVariables() {
        Options options = Options.parse(List.of("verify", "--answers", "k6/results/flash-sale-summary.json"), Map.of(
                "COUPON_ADMIN_TOKEN", "secret", "MYSQL_PORT", "3307", "MYSQL_DATABASE", "sale", "REDIS_DATABASE", "3"));

        assertThat(options.adminToken()).isEqualTo("secret");
        assertThat(options.stores().jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:3307/sale?");
        assertThat(options.stores().redisDatabase()).isEqualTo(3);
        assertThat(options.answersFile()).contains(Path.of("k6/results/flash-sale-summary.json"));
    }

    @Test
    void optionsOverrideTheDefaults() {
        Options options = Options.parse(List.of("fire", "--gateway-url", "http://localhost:18080", "--members", "50",
                "--coupon", "WELCOME10", "--admin-token", "t", "--settle-timeout", "5", "--quantity", "20"), Map.of("COUPON_ADMIN_TOKEN", "env"));

        assertThat(options.gateway().base()).hasToString("http://localhost:18080");
        assertThat(options.members()).isEqualTo(50);
        assertThat(options.couponCode()).isEqualTo("WELCOME10");
        assertThat(options.quantity()).isEqualTo(20);
        assertThat(options.adminToken()).isEqualTo("t");
        assertThat(options.settleTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesWhatCannotBeRunSafely() {
        assertThatThrownBy(() -> Options.parse(List.of(), Map.of())).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Options.parse(List.of("explode"), Map.of())).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Options.parse(List.of("run", "--gateway-url", "http://10.1.1.1:8080"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("refusing");
        assertThatThrownBy(() -> Options.parse(List.of("run", "--members", "100000"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("at most");
        assertThatThrownBy(() -> Options.parse(List.of("run", "--members", "-1"), Map.of()))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Options.parse(List.of("run", "--coupon", "{evil}"), Map.of()))
                .isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> Options.parse(List.of("run", "--members"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(List.of("run"), Map.of("MYSQL_PORT", "x")))
                .isInstanceOf(UsageException.class).hasMessageContaining("MYSQL_PORT");
    }
}
