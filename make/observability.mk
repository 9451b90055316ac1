# Observability: the local Prometheus (`make run` starts it) and the offline checks of its
# configuration and alert rules. The dashboards are checked against a real Prometheus by
# system-tests (DashboardQueriesIntegrationTest), which `make test` runs.
PROMETHEUS_URL := http://127.0.0.1:$(or $(PROMETHEUS_PORT),9090)

.PHONY: prometheus-up prometheus-down prometheus-targets observability-check

prometheus-up: ## [observability] start Prometheus (scraping the gateway and worker) and wait until both targets are up
	scripts/infra/start.sh prometheus
	@echo "Prometheus targets ($(PROMETHEUS_URL)/targets):"
	@scripts/infra/prometheus-targets.sh --wait 30

prometheus-down: ## [observability] stop Prometheus
	scripts/infra/stop.sh prometheus

prometheus-targets: ## [observability] show whether Prometheus reaches the gateway and worker
	@scripts/infra/prometheus-targets.sh

observability-check: ## [observability] promtool: check both Prometheus configurations and unit-test the alert rules
	@command -v promtool >/dev/null || { echo "promtool is missing: run scripts/infra/install.sh prometheus" >&2; exit 1; }
	promtool check config prometheus/prometheus.yml
	promtool check config prometheus/prometheus-local.yml
	promtool test rules prometheus/tests/alerts-test.yml
