# Docker Compose deployment and the flash-sale load test. docs/operations.md: "Docker Compose", "Load test".
# `docker compose` (v2) when the plugin is there, Debian's `docker-compose` (v1) otherwise.
COMPOSE := $(shell docker compose version >/dev/null 2>&1 && echo "docker compose" || echo docker-compose)
SALE_JAR := sale-cli/target/sale.jar

.PHONY: up down load-test sale-jar compose-check k6-check

up: dev-keys ## [compose] build the images and start everything in Docker Compose (WORKERS=n replicas, PROFILE=prod)
	@docker info >/dev/null 2>&1 || { echo "No Docker engine answers here: 'make run' starts the same system as local processes." >&2; exit 1; }
	$(if $(WORKERS),WORKER_REPLICAS=$(WORKERS) )$(if $(PROFILE),COUPON_PROFILE=$(PROFILE) )$(COMPOSE) up -d --build$(if $(filter docker compose,$(COMPOSE)), --wait)
	@echo
	@echo "Flash-sale coupon system is up in Docker Compose (every port on 127.0.0.1; .env sets them):"
	@echo "  gateway (public API)   http://127.0.0.1:8080/api/v1/coupons/issue"
	@echo "  worker replicas        $(COMPOSE) port --index 1 worker 8081   (one free port per replica)"
	@echo "  Prometheus             http://127.0.0.1:9090"
	@echo "  Grafana                http://127.0.0.1:3000   (admin / GRAFANA_ADMIN_PASSWORD)"
	@echo "Then: make load-test"

down: ## [compose] stop and remove the compose containers (data volumes are kept)
	$(COMPOSE) --profile load down

load-test: sale-jar dev-keys ## [load] reset the sale, fire the flash sale (local k6, k6 image or sale.jar), check every invariant (COUPON=CODE QUANTITY=N MEMBERS=N)
	scripts/load-test.sh

# The operator's command line (java -jar $(SALE_JAR) --help): the JVM runner and the check after every runner.
sale-jar:
	$(MVN) -q -pl sale-cli -am package -DskipTests

compose-check: ## [compose] validate docker-compose.yml and docker-compose.ha.yml with `docker-compose config` (installs Debian's docker-compose as root)
	@command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 \
		|| { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; } \
		|| { echo "Neither 'docker compose' nor 'docker-compose' is installed: install the 'docker-compose' package." >&2; exit 1; }
	@for f in docker-compose.yml docker-compose.ha.yml; do \
		$(COMPOSE) -f $$f config -q && echo "$$f is valid ($$($(COMPOSE) version --short 2>/dev/null || true))" || exit 1; \
	done

k6-check: ## [load] check the k6 scripts with Node.js: parse, k6's option rules, thresholds against simulated gateways
	cd k6 && node --import ./check/register.mjs check/scripts.test.mjs
