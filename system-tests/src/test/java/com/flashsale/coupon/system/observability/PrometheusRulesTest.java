package com.flashsale.coupon.system.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Prometheus configurations and alert rules as promtool sees them; the rules' unit tests live in prometheus/tests/. */
class PrometheusRulesTest {

    @Test
    void composeConfigurationIsValidAndLoadsTheAlertRules() {
        assertPromtool("check", "config", "prometheus/prometheus.yml");
    }

    @Test
    void localConfigurationIsValidAndLoadsTheAlertRules() {
        assertPromtool("check", "config", "prometheus/prometheus-local.yml");
    }

    @Test
    void alertRulesPassTheirUnitTests() {
        assertPromtool("test", "rules", "prometheus/tests/alerts-test.yml");
    }

    private void assertPromtool(String... arguments) {
        Executables.Result result = Executables.run(Executables.require("promtool"), arguments);
        assertThat(result.exitCode()).as("promtool %s:%n%s", String.join(" ", arguments), result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }
}
