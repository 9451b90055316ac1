#!/usr/bin/env bash
# Usage: bench/run.sh [--name=value ...]   — the whole benchmark in one run (what `make bench` calls).
# Needs the local servers and the worker (`make run`). Unless the gateway on GATEWAY_PORT already
# runs the `bench` profile, it stops that gateway for the run (one gateway, as `make run` has) and
# starts one with the `bench` profile on BENCH_GATEWAY_PORT (8090, its actuator on
# BENCH_GATEWAY_MANAGEMENT_PORT, 8092); afterwards it stops that one and starts the usual gateway again.
# Beside it, a second bench gateway asks for tokens signed by the development key (scripts/dev-keys.sh) on
# BENCH_TOKENS_GATEWAY_PORT (8094, actuator 8096), without a relay of its own: the rows with tokens are
# measured there (BENCH_TOKENS=0 leaves them out). Then `sale.jar bench` runs every row (docs/benchmarks.md) and writes
# bench-results/results.{md,csv,png}. Extra arguments go to it: `java -jar sale-cli/target/sale.jar bench --help`.
# Under REDIS_MODE=cluster (the system started the same way) every node is measured, the lab is left out and the
# results go to bench-results/cluster-ack-replica, or cluster-ack-none with BENCH_ACKNOWLEDGE=none.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JAVA_HOME=${JAVA_HOME:-$(scripts/java-home.sh)}
JAVA="$JAVA_HOME/bin/java"
GATEWAY_PORT=${GATEWAY_PORT:-8080}
WORKER_PORT=${WORKER_PORT:-8081}
WORKER_MANAGEMENT_PORT=${WORKER_MANAGEMENT_PORT:-$((WORKER_PORT + 2))}
BENCH_GATEWAY_PORT=${BENCH_GATEWAY_PORT:-8090}
# The servers REDIS_MODE and KAFKA_MODE select, in the variables the services read, as
# scripts/services.sh hands them over: without them a bench gateway would publish to the default
# port's broker, not the one the worker reads.
eval "$(scripts/infra/service-env.sh)"
BENCH_PROFILES=local,bench
BENCH_GATEWAY_ARGS=()
EXTRA_ARGS=()
SETUP=""
if [ "$REDIS_MODE" = cluster ]; then
  # On the cluster the gateway confirms each issuance on a replica (WAIT) unless BENCH_ACKNOWLEDGE=none;
  # its results go beside the standalone ones, and the lab (one Redis database) does not run.
  BENCH_ACKNOWLEDGE=${BENCH_ACKNOWLEDGE:-replica}
  BENCH_PROFILES=$BENCH_PROFILES,redis-cluster
  BENCH_GATEWAY_ARGS+=(--coupon.redis.acknowledge="$BENCH_ACKNOWLEDGE")
  BENCH_RESULTS=${BENCH_RESULTS:-$ROOT/bench-results/cluster-ack-$BENCH_ACKNOWLEDGE}
  EXTRA_ARGS+=(--lab-loads=none)
  SETUP="Redis Cluster $REDIS_CLUSTER_NODES, acknowledgement $BENCH_ACKNOWLEDGE; Kafka $KAFKA_BOOTSTRAP_SERVERS; "
elif [ -n "${BENCH_ACKNOWLEDGE:-}" ]; then
  BENCH_GATEWAY_ARGS+=(--coupon.redis.acknowledge="$BENCH_ACKNOWLEDGE")
fi
BENCH_GATEWAY_MANAGEMENT_PORT=${BENCH_GATEWAY_MANAGEMENT_PORT:-$((BENCH_GATEWAY_PORT + 2))}
BENCH_TOKENS_GATEWAY_PORT=${BENCH_TOKENS_GATEWAY_PORT:-$((BENCH_GATEWAY_PORT + 4))}
BENCH_TOKENS_GATEWAY_MANAGEMENT_PORT=${BENCH_TOKENS_GATEWAY_MANAGEMENT_PORT:-$((BENCH_TOKENS_GATEWAY_PORT + 2))}
BENCH_TOKENS=${BENCH_TOKENS:-1}
WORK="${BENCH_RESULTS:-$ROOT/bench-results}/tmp"
LOG_DIR=${LOG_DIR:-$ROOT/.local/logs}
# The whole run must end within 15 minutes, whatever happens.
BENCH_TIMEOUT=${BENCH_TIMEOUT:-840}
MVN="mvn -B -ntp -q"

say() { echo "bench: $*"; }
die() { echo "bench: $*" >&2; exit 1; }

tools() {
  if ! command -v wrk >/dev/null || ! command -v redis-benchmark >/dev/null; then
    scripts/infra/install.sh redis wrk || die "wrk and redis-benchmark are needed (packages wrk, redis-tools)"
  fi
}

# The worker must be up: it provisions the ledger, resets the sale and persists what the gateway accepts.
worker_up() {
  curl -fsS -o /dev/null "http://127.0.0.1:$WORKER_MANAGEMENT_PORT/actuator/health/readiness" 2>/dev/null
}

has_bench_endpoint() {
  local port=$1
  [ "$(curl -s -o /dev/null -w '%{http_code}' -XPOST -H 'Content-Type: application/json' \
      -d '{"couponCode":"FLASH100","memberId":1}' "http://127.0.0.1:$port/bench/constant" 2>/dev/null)" = 200 ]
}

BENCH_GATEWAY_PIDS=()
PAUSED_GATEWAY=
stop_bench_gateways() {
  local pid
  for pid in "${BENCH_GATEWAY_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
      say "stopped a bench gateway (pid $pid)"
    fi
  done
  rm -f "$WORK/gateway.jar"
}

# A second gateway's relay would share the outbox with the measured one and poll Redis beside it:
# the usual gateway makes way for the run and comes back after it.
pause_usual_gateway() {
  local pid
  pid=$(cat "${RUN_DIR:-$ROOT/.local/run}/gateway.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && die "the gateway on $GATEWAY_PORT (pid $pid) did not stop"
    PAUSED_GATEWAY=1
    say "stopped the gateway on $GATEWAY_PORT for the run; it is started again at the end"
  fi
}

cleanup() {
  stop_bench_gateways
  if [ -n "$PAUSED_GATEWAY" ]; then
    scripts/services.sh start | sed 's/^/bench: /'
  fi
}

# Same jar and JVM settings as scripts/services.sh, plus the bench profile. It runs from a copy, so
# a rebuild during the run cannot pull the jar from under it.
# Usage: start_bench_gateway NAME PORT MANAGEMENT_PORT [NAME=value ... for its environment] [-- --spring.option=value ...]
start_bench_gateway() {
  local name=$1 port=$2 management=$3 env=() options=()
  shift 3
  while [ $# -gt 0 ] && [ "$1" != -- ]; do env+=("$1"); shift; done
  [ "${1:-}" = -- ] && shift
  options=("$@")
  local jar="$ROOT/coupon-gateway-service/target/coupon-gateway-service.jar"
  [ -f "$jar" ] || die "$jar is missing: run 'make run' (or 'make build') first"
  mkdir -p "$WORK" "$LOG_DIR"
  [ -f "$WORK/gateway.jar" ] || cp "$jar" "$WORK/gateway.jar"
  local jfr=()
  [ -n "${BENCH_JFR:-}" ] && jfr=("-XX:StartFlightRecording=filename=$WORK/$name.jfr,settings=profile")
  env "${env[@]}" "$JAVA" -Xmx1g "${jfr[@]}" -jar "$WORK/gateway.jar" --server.port="$port" \
    --management.server.port="$management" --server.address=127.0.0.1 --management.server.address=127.0.0.1 \
    --spring.profiles.active="$BENCH_PROFILES" "${BENCH_GATEWAY_ARGS[@]}" \
    "${options[@]}" >>"$LOG_DIR/$name.log" 2>&1 &
  local pid=$!
  BENCH_GATEWAY_PIDS+=("$pid")
  local deadline=$((SECONDS + 120))
  until curl -fsS -o /dev/null "http://127.0.0.1:$management/actuator/health/readiness" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$LOG_DIR/$name.log" >&2; die "the $name exited"; }
    [ $SECONDS -lt $deadline ] || die "the $name is not ready after 120 s (see $LOG_DIR/$name.log)"
    sleep 0.5
  done
  say "$name up on 127.0.0.1:$port (pid $pid, profiles $BENCH_PROFILES${env:+, ${env[*]}} ${BENCH_GATEWAY_ARGS[*]})"
}

# A process as the results name it: its command, and the jar a JVM runs (no paths, no build stamps).
what_runs() {
  local name jar
  name=$(ps -o comm= -p "$1" 2>/dev/null) || return 0
  jar=$(ps -o args= -p "$1" 2>/dev/null | sed -nE 's#.*-jar +([^ ]+).*#\1#p')
  [ -n "$jar" ] && name="$name $(basename "$jar" | sed -E 's/[-_][0-9_]+\.jar$/.jar/')"
  echo "$name"
}

# What else was busy when the run started (one second of top): the results are read next to it.
conditions() {
  if [ -n "${BENCH_CONDITIONS:-}" ]; then echo "$BENCH_CONDITIONS"; return; fi
  local busy
  busy=$(top -b -n 2 -d 1 -o %CPU 2>/dev/null | awk '/^top -/ { n++ } n == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 >= 5 { print $1, $9 }' \
    | head -n 6 | while read -r pid cpu; do
        printf '%s%% %s; ' "$cpu" "$(what_runs "$pid")"
      done)
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; processes above 5% CPU then: ${busy:-none}"
}

tools
worker_up || die "the worker is not ready on 127.0.0.1:$WORKER_PORT: start the system with 'make run' first"
# Sampled before anything of the bench runs, so the bench's own processes are not in it.
CONDITIONS="$SETUP$(conditions)"
say "building the command line (sale.jar)"
$MVN -pl sale-cli -am package -DskipTests
trap cleanup EXIT
if has_bench_endpoint "$GATEWAY_PORT"; then
  port=$GATEWAY_PORT
  say "the gateway on $GATEWAY_PORT runs the bench profile: measuring it"
else
  pause_usual_gateway
  start_bench_gateway gateway-bench "$BENCH_GATEWAY_PORT" "$BENCH_GATEWAY_MANAGEMENT_PORT"
  port=$BENCH_GATEWAY_PORT
fi
tokens=()
if [ "$BENCH_TOKENS" != 0 ]; then
  mapfile -t auth < <(scripts/dev-keys.sh --print-env)
  # No relay: the measured gateway's relay moves its issuances too (sale.jar bench counts both processes then).
  start_bench_gateway gateway-bench-tokens "$BENCH_TOKENS_GATEWAY_PORT" "$BENCH_TOKENS_GATEWAY_MANAGEMENT_PORT" \
    "${auth[@]}" -- --coupon.relay.enabled=false
  tokens=(--tokens-gateway-url="http://127.0.0.1:$BENCH_TOKENS_GATEWAY_PORT")
fi
# The stores, Kafka, the worker and the pid files come from the same environment the scripts read
# (REDIS_PORT, MYSQL_PORT, KAFKA_PORT, WORKER_PORT, INFRA_HOME, RUN_DIR).
timeout --foreground "$BENCH_TIMEOUT" "$JAVA" -Xmx2g -jar sale-cli/target/sale.jar bench \
  --gateway-url="http://127.0.0.1:$port" --infra-run-dir="${INFRA_HOME:-$ROOT/.local/infra}/run" \
  --services-run-dir="${RUN_DIR:-$ROOT/.local/run}" ${BENCH_RESULTS:+--out="$BENCH_RESULTS"} \
  --conditions="$CONDITIONS" "${EXTRA_ARGS[@]}" "${tokens[@]}" "$@"
