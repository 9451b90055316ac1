# Flash-sale coupon system. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

JAVA_HOME := $(shell scripts/java-home.sh)
export JAVA_HOME
MVN := mvn -B -ntp

GATEWAY_URL := http://127.0.0.1:$(or $(GATEWAY_PORT),8080)
WORKER_URL := http://127.0.0.1:$(or $(WORKER_PORT),8081)
# Each service's actuator (health, readiness, metrics) listens on its own port: the service's port + 2 by default.
GATEWAY_MANAGEMENT_URL := http://127.0.0.1:$(or $(GATEWAY_MANAGEMENT_PORT),$(shell echo $$(( $(or $(GATEWAY_PORT),8080) + 2 ))))
WORKER_MANAGEMENT_URL := http://127.0.0.1:$(or $(WORKER_MANAGEMENT_PORT),$(shell echo $$(( $(or $(WORKER_PORT),8081) + 2 ))))

# Feature areas add their own targets here (load tests, chaos drills, observability, benchmarks).
include $(wildcard make/*.mk)

.PHONY: help run stop test check build infra-up infra-down infra-status services-up services-down status reset tools dev-keys token

# A target shows in `make help` when its line ends in `## [group] what it does` (groups: make/help.awk).
help: ## [run] list the targets, grouped by task
	@awk -f make/help.awk $(MAKEFILE_LIST)

run: infra-up build services-up prometheus-up ## [run] install what is missing, start servers, both services and Prometheus, print the URLs (AUTH=jwt: with tokens)
	@echo
	@echo "Flash-sale coupon system is up:"
	@echo "  gateway (public API)   $(GATEWAY_URL)/api/v1/coupons/issue"
	@echo "  gateway health         $(GATEWAY_MANAGEMENT_URL)/actuator/health"
	@echo "  worker (admin, reset)  $(WORKER_URL)/api/test/reset"
	@echo "  worker health          $(WORKER_MANAGEMENT_URL)/actuator/health"
	@echo "  Prometheus             $(PROMETHEUS_URL)  (targets: $(PROMETHEUS_URL)/targets, alerts: $(PROMETHEUS_URL)/alerts)"
ifeq ($(AUTH),jwt)
	@echo "Requests need a bearer token signed by .local/auth/private.pem (RS256, iss flash-sale-dev, aud coupon-api; docs/operations.md)."
	@echo "Try: TOKEN=\$$(make -s token MEMBER=1)"
	@echo "     curl -s -XPOST $(GATEWAY_URL)/api/v1/coupons/issue -H \"Authorization: Bearer \$$TOKEN\" -H 'Content-Type: application/json' -d '{\"couponCode\":\"FLASH100\"}'"
else
	@echo "Try: curl -s -XPOST $(GATEWAY_URL)/api/v1/coupons/issue -H 'Content-Type: application/json' -d '{\"couponCode\":\"FLASH100\",\"memberId\":1}'"
endif

stop: services-down infra-down ## [run] stop the services and the servers

test: tools infra-up ## [test] every test of every module, unit and integration, as CI runs them (starts the servers if they are not up)
	$(MVN) verify

# Unit tests and @WebMvcTest slices only: no server is needed. Every *IntegrationTest is left out by
# its name, through a file of patterns surefire adds to each module's own excludes, so a module
# that follows the naming needs nothing more.
check: tools ## [test] the unit tests and slices of every module, no *IntegrationTest: no server needed, about a minute
	$(MVN) test -Dsurefire.excludesFile=$(CURDIR)/make/unit-tests.excludes

build: tools ## [run] build both service jars (no tests)
	$(MVN) -q package -DskipTests

tools:
	@command -v mvn >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven; } \
		|| { echo "Maven is missing: install the 'maven' package." >&2; exit 1; }
	@command -v curl >/dev/null || { [ "$$(id -u)" = 0 ] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl; }

infra-up: ## [run] install (if missing) and start Redis, MariaDB and Kafka on loopback (REDIS_MODE / KAFKA_MODE=cluster: the Redis Cluster / 3 brokers)
	scripts/infra/start.sh

infra-down: ## [run] stop Redis, MariaDB, Kafka and Prometheus (and the Redis Cluster and brokers, whatever the mode)
	scripts/infra/stop.sh

infra-status: ## [run] show which servers are up (those REDIS_MODE and KAFKA_MODE select)
	scripts/infra/status.sh

services-up: ## [run] start the built gateway and worker and wait until they are ready
	scripts/services.sh start

services-down: ## [run] stop the gateway and worker
	scripts/services.sh stop

# Both lists are shown even when the first has something down; the exit code is 1 if anything is.
status: ## [run] show servers and services (exit code 1 when any is down)
	@rc=0; scripts/infra/status.sh || rc=1; scripts/services.sh status || rc=1; exit $$rc

# The operator's token is signed by sale.jar (built once if missing); a system in the local mode does not look at it.
reset: dev-keys ## [run] reset the sale: MySQL's issue rows deleted, the Redis ledger rebuilt at each campaign's quantity, in one call (with an operator's token)
	@[ -f $(SALE_JAR) ] || $(MVN) -q -pl sale-cli -am package -DskipTests >&2
	@scripts/reset.sh "$(WORKER_URL)" "$$($(JAVA_HOME)/bin/java -jar $(SALE_JAR) token --scope coupon:admin)"

dev-keys: ## [run] create the development key pair local tokens are signed with, once (.local/auth/; AUTH=jwt make run and make up do it)
	@scripts/dev-keys.sh

# sale-jar quietly: the token alone goes to stdout, so TOKEN=$$(make -s token MEMBER=1) works.
token: dev-keys ## [run] print a token signed with the development key: MEMBER=42 (a member's) and/or SCOPE=coupon:admin (an operator's)
	@[ -n "$(MEMBER)$(SCOPE)" ] || { echo "usage: make token MEMBER=42 | SCOPE=coupon:admin" >&2; exit 2; }
	@[ -f $(SALE_JAR) ] || $(MVN) -q -pl sale-cli -am package -DskipTests >&2
	@$(JAVA_HOME)/bin/java -jar $(SALE_JAR) token $(if $(MEMBER),--member $(MEMBER)) $(if $(SCOPE),--scope '$(SCOPE)')
