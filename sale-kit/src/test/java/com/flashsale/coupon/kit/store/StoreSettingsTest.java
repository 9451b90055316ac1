package com.flashsale.coupon.kit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreSettingsTest {

    @Test
    void defaultsAreTheServicesDefaults() {
        StoreSettings settings = StoreSettings.fromEnvironment(Map.of());

        assertThat(settings.jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:3306/coupon?");
        assertThat(settings.redisPort()).isEqualTo(6379);
        assertThat(settings.redisDatabase()).isZero();
    }

    @Test
    void readsTheServicesEnvironmentVariables() {
        StoreSettings settings = StoreSettings.fromEnvironment(Map.of("MYSQL_PORT", "3307", "MYSQL_DATABASE", "sale",
                "REDIS_PORT", "16379", "REDIS_DATABASE", "3", "MYSQL_PASSWORD", ""));

        assertThat(settings.jdbcUrl()).startsWith("jdbc:mysql://127.0.0.1:3307/sale?");
        assertThat(settings.redisPort()).isEqualTo(16379);
        assertThat(settings.redisDatabase()).isEqualTo(3);
        assertThat(settings.mysqlPassword()).as("blank means the default").isEqualTo("coupon");
        assertThat(settings.describe()).isEqualTo("MySQL 127.0.0.1:3307/sale, Redis 127.0.0.1:16379 db 3");
    }

    @Test
    void namesAVariableThatIsNotANumber() {
        assertThatThrownBy(() -> StoreSettings.fromEnvironment(Map.of("MYSQL_PORT", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MYSQL_PORT");
    }
}
