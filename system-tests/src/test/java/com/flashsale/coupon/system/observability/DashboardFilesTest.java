package com.flashsale.coupon.system.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What Grafana needs to load the dashboards as provisioned, and what the issue asks them to show.
 * Whether the queries run and return data is DashboardQueriesIntegrationTest's job.
 */
class DashboardFilesTest {

    private static final String DATASOURCE_FILE = "grafana/provisioning/datasources/prometheus.yml";

    @Test
    void everyPanelQueriesTheProvisionedPrometheusDatasource() throws IOException {
        Matcher uid = Pattern.compile("(?m)^\\s+uid:\\s*(\\S+)\\s*$").matcher(Files.readString(ProjectFiles.path(DATASOURCE_FILE)));
        assertThat(uid.find()).as("a uid in %s", DATASOURCE_FILE).isTrue();
        SoftAssertions softly = new SoftAssertions();
        for (Dashboard dashboard : Dashboard.all()) {
            for (Dashboard.Panel panel : dashboard.panels()) {
                softly.assertThat(panel.datasourceUid()).as("%s / %s", dashboard.title(), panel.title()).isEqualTo(uid.group(1));
                softly.assertThat(panel.targets()).as("%s / %s has queries", dashboard.title(), panel.title()).isNotEmpty();
                for (Dashboard.Target target : panel.targets()) {
                    softly.assertThat(target.expr()).as("%s / %s %s", dashboard.title(), panel.title(), target.refId()).isNotBlank();
                    softly.assertThat(target.datasourceUid()).as("%s / %s %s", dashboard.title(), panel.title(), target.refId())
                            .isEqualTo(uid.group(1));
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void dashboardsHaveUniqueUidsAndPanelIds() {
        Set<String> uids = new HashSet<>();
        for (Dashboard dashboard : Dashboard.all()) {
            assertThat(uids.add(dashboard.uid())).as("uid %s of %s is unique", dashboard.uid(), dashboard.file()).isTrue();
            List<Integer> ids = dashboard.json().findValues("id").stream().map(id -> id.asInt()).toList();
            assertThat(ids).as("panel ids of %s", dashboard.title()).doesNotHaveDuplicates();
        }
        assertThat(uids).contains("flash-sale", "service-health");
    }

    @Test
    void flashSaleBoardShowsEveryBusinessMetric() {
        String queries = allQueries(Dashboard.byUid("flash-sale"));
        assertThat(queries).contains("coupon_issue_requests_total", "coupon_issue_latency_seconds_bucket",
                "coupon_stock_remaining", "coupon_outbox_backlog", "coupon_outbox_relayed_total",
                "coupon_outbox_relay_lag_seconds_bucket", "coupon_outbox_publish_errors_total",
                "kafka_consumer_fetch_manager_records_lag", "coupon_persisted_rows_total",
                "coupon_persisted_batch_size_sum", "coupon_persistence_failed_deliveries_total",
                "coupon_persistence_dead_lettered_total", "coupon_deadletter_records_total", "coupon_compensations_total",
                "coupon_deadletter_replays_total",
                "coupon_reconciliation_runs_total", "coupon_reconciliation_repairs_total", "coupon_rate_limited_total");
    }

    @Test
    void serviceHealthBoardCoversHttpJvmKafkaClientsAndThePool() {
        String queries = allQueries(Dashboard.byUid("service-health"));
        assertThat(queries).contains("http_server_requests_seconds_bucket", "jvm_memory_used_bytes", "jvm_gc_pause_seconds",
                "kafka_producer_", "kafka_consumer_", "hikaricp_connections_active");
    }

    @Test
    void everyVariableIsALabelValuesQuery() {
        for (Dashboard dashboard : Dashboard.all()) {
            for (Dashboard.Variable variable : dashboard.variables()) {
                GrafanaQuery.LabelValues query = GrafanaQuery.labelValues(variable.query());
                assertThat(query.label()).as("%s $%s", dashboard.title(), variable.name()).isNotBlank();
            }
        }
    }

    private static String allQueries(Dashboard dashboard) {
        return String.join("\n", dashboard.panels().stream()
                .flatMap(panel -> panel.targets().stream()).map(Dashboard.Target::expr).toList());
    }
}
