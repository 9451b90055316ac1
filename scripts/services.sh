#!/usr/bin/env bash
# Usage: scripts/services.sh start|stop|status   — runs the built gateway and worker jars as local processes.
# Logs: $INFRA_HOME/../logs/<service>.log; pids: $RUN_DIR. Ports: GATEWAY_PORT (8080), WORKER_PORT (8081); their
# actuators (health, readiness, metrics) on GATEWAY_MANAGEMENT_PORT and WORKER_MANAGEMENT_PORT (each service's port + 2).
# Servers: the ones REDIS_MODE and KAFKA_MODE select (standalone or cluster), through the variables
# scripts/infra/service-env.sh prints; REDIS_MODE=cluster adds the services' redis-cluster profile.
# AUTH=jwt: both services ask for bearer tokens signed by the development key pair (scripts/dev-keys.sh creates it
# once); otherwise the local profile trusts the member a request names and leaves the operator endpoints open.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR=${RUN_DIR:-$ROOT/.local/run}
LOG_DIR=${LOG_DIR:-$ROOT/.local/logs}
GATEWAY_PORT=${GATEWAY_PORT:-8080}
WORKER_PORT=${WORKER_PORT:-8081}
GATEWAY_MANAGEMENT_PORT=${GATEWAY_MANAGEMENT_PORT:-$((GATEWAY_PORT + 2))}
WORKER_MANAGEMENT_PORT=${WORKER_MANAGEMENT_PORT:-$((WORKER_PORT + 2))}
AUTH=${AUTH:-local}
case "$AUTH" in local | jwt) ;; *) echo "AUTH must be local or jwt, not '$AUTH'" >&2; exit 2 ;; esac
PROFILE=${SPRING_PROFILES_ACTIVE:-local}
READY_TIMEOUT=${READY_TIMEOUT:-120}
JAVA_HOME=${JAVA_HOME:-$("$ROOT/scripts/java-home.sh")}
JAVA="$JAVA_HOME/bin/java"

# KAFKA_BOOTSTRAP_SERVERS among them: the one broker of KAFKA_PORT, or the three of KAFKA_MODE=cluster.
SERVICE_ENV=$("$ROOT/scripts/infra/service-env.sh") || exit 1
eval "$SERVICE_ENV"
if [ "$REDIS_MODE" = cluster ]; then PROFILE="$PROFILE,redis-cluster"; fi

jar_of() { echo "$ROOT/coupon-$1-service/target/coupon-$1-service.jar"; }
port_of() { if [ "$1" = gateway ]; then echo "$GATEWAY_PORT"; else echo "$WORKER_PORT"; fi; }
management_port_of() { if [ "$1" = gateway ]; then echo "$GATEWAY_MANAGEMENT_PORT"; else echo "$WORKER_MANAGEMENT_PORT"; fi; }
pid_of() { cat "$RUN_DIR/$1.pid" 2>/dev/null || true; }
alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

ready() {
  curl -fsS -o /dev/null "http://127.0.0.1:$(management_port_of "$1")/actuator/health/readiness" 2>/dev/null
}

# The environment of the AUTH mode for both services (application.yml reads AUTH_MODE, AUTH_PUBLIC_KEY_LOCATION, ...).
auth_env() {
  if [ "$AUTH" = jwt ]; then "$ROOT/scripts/dev-keys.sh" --print-env; fi
}

start_one() {
  local name=$1 jar
  jar=$(jar_of "$name")
  if alive "$name"; then
    echo "$name: already running (pid $(pid_of "$name"))"
    return
  fi
  [ -f "$jar" ] || { echo "$name: $jar is missing; build it first with 'make build'." >&2; exit 1; }
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  # Run a copy: a rebuild replacing target/*.jar under a running JVM breaks its class loading.
  cp "$jar" "$RUN_DIR/$name.jar"
  local auth
  mapfile -t auth < <(auth_env)
  # Loopback only, both ports: under the local profile anyone who reaches them is trusted.
  nohup env "${auth[@]}" "$JAVA" -Xmx1g -jar "$RUN_DIR/$name.jar" --server.port="$(port_of "$name")" \
    --management.server.port="$(management_port_of "$name")" --server.address=127.0.0.1 \
    --management.server.address=127.0.0.1 --spring.profiles.active="$PROFILE" \
    >>"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/$name.pid"
  echo "$name: starting (pid $!, log $LOG_DIR/$name.log)"
}

await_ready() {
  local name=$1 deadline=$((SECONDS + READY_TIMEOUT))
  until ready "$name"; do
    if ! alive "$name"; then
      echo "$name: exited during start-up; last lines of $LOG_DIR/$name.log:" >&2
      tail -n 30 "$LOG_DIR/$name.log" >&2
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "$name: not ready after ${READY_TIMEOUT}s; see $LOG_DIR/$name.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "$name: ready on http://127.0.0.1:$(port_of "$name") (actuator on $(management_port_of "$name"), AUTH=$AUTH)"
}

stop_one() {
  local name=$1 pid deadline
  pid=$(pid_of "$name")
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$RUN_DIR/$name.pid"
    echo "$name: not running"
    return
  fi
  kill -TERM "$pid"
  deadline=$((SECONDS + 40))
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  rm -f "$RUN_DIR/$name.pid"
  echo "$name: stopped"
}

case "${1:-}" in
  start)
    [ "$AUTH" = jwt ] && "$ROOT/scripts/dev-keys.sh"
    # The worker first: it provisions the Redis ledger the gateway decides from.
    start_one worker
    await_ready worker
    start_one gateway
    await_ready gateway
    ;;
  stop)
    stop_one gateway
    stop_one worker
    ;;
  status)
    rc=0
    for name in gateway worker; do
      if alive "$name" && ready "$name"; then echo "$name: up on http://127.0.0.1:$(port_of "$name")"
      else echo "$name: down"; rc=1; fi
    done
    exit $rc
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
