#!/usr/bin/env bash
# Usage: scripts/load-test.sh [auto|k6|docker|jvm]   (or LOAD_RUNNER=...; `make load-test` runs this)
#
# The seed's flash sale against the running system, `make run` or `make up`: reset the sale, let
# members 1..500 ask for FLASH100 (100 pieces) at one instant, then verify the stores. The runner:
#   k6      a k6 binary on PATH
#   docker  the k6 image: in the compose network when the compose stack runs, else on the host network
#   jvm     the command line's `sale` (sale-cli/target/sale.jar: a connection per member, one start latch),
#           when neither is there
# Every runner resets the sale itself (k6 in its setup through WORKER_URL), then `sale.jar verify` waits
# for the system to settle and judges every invariant on Redis and MySQL (and on the runner's answers).
# The sale: COUPON (default FLASH100, any campaign an operator created), QUANTITY (100) set before it,
# MEMBERS (500, at most 5000 and no more than the members MySQL holds active among 1..MEMBERS: the others would be
# rightly refused, and the check refuses such a run) who ask once each; every runner takes the same three.
# An unknown runner, a k6 runner without k6, or a wrong size is refused before anything is sent.
# Ports and stores: GATEWAY_PORT, WORKER_PORT, MYSQL_*, REDIS_* as for `make run`; for the compose
# stack they come from .env. Requests carry tokens signed with the development key pair (.local/auth, created
# once by scripts/dev-keys.sh): each member's own and an operator's for the reset, in every runner (k6 reads the
# members' from a file, MEMBER_TOKENS, which this script writes and hands to every runner, the compose k6
# service too). A local-mode system ignores them.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUNNER=${1:-${LOAD_RUNNER:-auto}}
case "$RUNNER" in auto | k6 | docker | jvm) ;; *) echo "load-test: unknown runner '$RUNNER': auto, k6, docker or jvm" >&2; exit 2 ;; esac
if [ "$RUNNER" = k6 ] && ! command -v k6 >/dev/null 2>&1; then
  echo "load-test: the k6 runner needs k6 on PATH, and there is none: LOAD_RUNNER=docker or jvm, or auto" >&2
  exit 2
fi
# The sale's size, checked here so that a wrong one is named as the variable it came from.
COUPON=${COUPON:-FLASH100}
QUANTITY=${QUANTITY:-100}
MEMBERS=${MEMBERS:-500}
[[ "$QUANTITY" =~ ^[1-9][0-9]{0,8}$ ]] || { echo "load-test: QUANTITY must be a positive number, got '$QUANTITY'" >&2; exit 2; }
[[ "$MEMBERS" =~ ^[1-9][0-9]{0,3}$ ]] && [ "$MEMBERS" -le 5000 ] \
  || { echo "load-test: MEMBERS must be 1..5000, got '$MEMBERS'" >&2; exit 2; }
[[ "$COUPON" =~ ^[A-Za-z0-9_-]{1,64}$ ]] || { echo "load-test: COUPON must be a coupon code (letters, digits, _ and -, at most 64), got '$COUPON'" >&2; exit 2; }
JAR=sale-cli/target/sale.jar
RESULTS=k6/results
JAVA_HOME=${JAVA_HOME:-$(scripts/java-home.sh)}
JAVA="$JAVA_HOME/bin/java"

die() { echo "load-test: $*" >&2; exit 2; }

[ -f "$JAR" ] || die "$JAR is missing; build it with 'make load-test' (or: mvn -pl sale-cli -am package -DskipTests)"
scripts/dev-keys.sh

# A value from the shell, else from .env (compose's own precedence), else the fallback.
dotenv() {
  local name=$1 fallback=$2 value
  value=${!name:-}
  if [ -z "$value" ] && [ -f .env ]; then
    value=$(sed -n "s/^$name=//p" .env | tail -n 1)
  fi
  echo "${value:-$fallback}"
}

compose() {
  if docker compose version >/dev/null 2>&1; then docker compose "$@"; else docker-compose "$@"; fi
}

docker_engine() { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; }

compose_stack_up() {
  docker_engine && [ -n "$(compose ps -q gateway 2>/dev/null)" ]
}

COMPOSE_STACK=false
if compose_stack_up; then
  COMPOSE_STACK=true
fi

if [ "$RUNNER" = auto ]; then
  if command -v k6 >/dev/null 2>&1; then RUNNER=k6
  elif docker_engine; then RUNNER=docker
  else RUNNER=jvm
  fi
fi

# Where the system is, seen from this machine. The compose stack publishes on 127.0.0.1 with the
# ports of .env; its workers get a free host port each, so one replica's is looked up.
if $COMPOSE_STACK; then
  GATEWAY_URL="http://127.0.0.1:$(dotenv GATEWAY_HOST_PORT 8080)"
  WORKER_URL="http://$(compose port --index 1 worker 8081)"
  # The stores as the store check reaches them (the variables the services read, host side).
  MYSQL_PORT=$(dotenv MYSQL_HOST_PORT 3306)
  MYSQL_DATABASE=$(dotenv MYSQL_DATABASE coupon)
  MYSQL_USER=$(dotenv MYSQL_USER coupon)
  MYSQL_PASSWORD=$(dotenv MYSQL_PASSWORD coupon)
  REDIS_PORT=$(dotenv REDIS_HOST_PORT 6379)
  export MYSQL_HOST=127.0.0.1 MYSQL_PORT MYSQL_DATABASE MYSQL_USER MYSQL_PASSWORD REDIS_HOST=127.0.0.1 REDIS_PORT REDIS_DATABASE=0
  # Kafka's listener for the host, and the workers' topic: the check waits until the workers have taken it all.
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$(dotenv KAFKA_HOST_PORT 9092)"
  COUPON_KAFKA_ISSUEDTOPIC=$(dotenv COUPON_ISSUED_TOPIC coupon-issued)
  export KAFKA_BOOTSTRAP_SERVERS COUPON_KAFKA_ISSUEDTOPIC
  WHERE="the compose stack"
else
  GATEWAY_URL="http://127.0.0.1:${GATEWAY_PORT:-8080}"
  WORKER_URL="http://127.0.0.1:${WORKER_PORT:-8081}"
  WHERE="the local services (make run)"
  # The servers REDIS_MODE and KAFKA_MODE select (REDIS_CLUSTER_NODES on the cluster), as the services got them.
  eval "$(scripts/infra/service-env.sh)"
fi

# An operator's token (scope coupon:admin) for the k6 runners' reset, signed with the development key.
ADMIN_TOKEN=$("$JAVA" -jar "$JAR" token --scope coupon:admin)
SALE_ENV=(-e COUPON="$COUPON" -e QUANTITY="$QUANTITY" -e MEMBERS="$MEMBERS")

mkdir -p "$RESULTS"
SUMMARY="$RESULTS/flash-sale-summary.json"
rm -f "$SUMMARY"
# Members 1..MEMBERS' tokens, line i for member i, for the k6 runners.
if [ "$RUNNER" != jvm ]; then
  "$JAVA" -jar "$JAR" token --members "$MEMBERS" >"$RESULTS/member-tokens.txt"
fi

fired=0
case "$RUNNER" in
  k6)
    echo "Runner: local k6 ($(command -v k6)), against $WHERE at $GATEWAY_URL"
    k6 run "${SALE_ENV[@]}" -e BASE_URL="$GATEWAY_URL" -e WORKER_URL="$WORKER_URL" -e ADMIN_TOKEN="$ADMIN_TOKEN" \
      -e MEMBER_TOKENS="$ROOT/$RESULTS/member-tokens.txt" -e SUMMARY_DIR="$RESULTS" k6/flash-sale.js || fired=$?
    ;;
  docker)
    docker_engine || die "the docker runner needs a Docker engine, and none answers here"
    if $COMPOSE_STACK; then
      echo "Runner: k6 image (compose service k6) inside the compose network"
      HOST_UID=$(id -u) HOST_GID=$(id -g) compose --profile load run --rm "${SALE_ENV[@]}" -e ADMIN_TOKEN="$ADMIN_TOKEN" \
        -e MEMBER_TOKENS=/results/member-tokens.txt k6 || fired=$?
    else
      image=$(sed -n 's/^ *image: *\(grafana\/k6:[^ ]*\).*/\1/p' docker-compose.yml | head -n 1)
      echo "Runner: k6 image $image on the host network, against $WHERE at $GATEWAY_URL"
      docker run --rm --network host --user "$(id -u):$(id -g)" \
        -v "$ROOT/k6:/scripts:ro" -v "$ROOT/$RESULTS:/results" \
        "${SALE_ENV[@]}" -e BASE_URL="$GATEWAY_URL" -e WORKER_URL="$WORKER_URL" -e ADMIN_TOKEN="$ADMIN_TOKEN" \
        -e MEMBER_TOKENS=/results/member-tokens.txt -e SUMMARY_DIR=/results \
        -e K6_NO_USAGE_REPORT=true "$image" run /scripts/flash-sale.js || fired=$?
    fi
    ;;
  jvm)
    echo "Runner: the command line's sale ($JAR): no k6 on PATH and no Docker engine; against $WHERE at $GATEWAY_URL"
    exec "$JAVA" -jar "$JAR" sale --coupon "$COUPON" --quantity "$QUANTITY" --members "$MEMBERS" \
      --gateway-url "$GATEWAY_URL" --worker-url "$WORKER_URL" \
      --summary-file "$RESULTS/flash-sale-jvm-summary.json"
    ;;
  *)
    die "unknown runner '$RUNNER': auto, k6, docker or jvm"
    ;;
esac

if [ ! -f "$SUMMARY" ]; then
  echo "load-test: k6 ended with $fired and wrote no summary (did its setup fail? see above)" >&2
  exit 1
fi
verified=0
"$JAVA" -jar "$JAR" verify --answers "$SUMMARY" || verified=$?
if [ "$fired" -ne 0 ] || [ "$verified" -ne 0 ]; then
  echo "load-test: FAILED (k6 exit $fired, store check exit $verified)" >&2
  exit 1
fi
