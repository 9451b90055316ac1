#!/usr/bin/env bash
# Usage: source "$(dirname "$0")/lib.sh"   (shared helpers for scripts/infra/*.sh; not run directly)
# shellcheck disable=SC2034  # the settings below are read by the scripts that source this file
set -euo pipefail
#
# Configuration, all from the environment, all optional:
#
#   INFRA_HOME             <repo root>/.local/infra
#                            data/<server>/   server data and the configs generated from these variables
#                            data/mariadb/mysqld.sock   MariaDB socket (root access via unix_socket auth)
#                            logs/<server>.log  (kafka: logs/kafka.log from log4j2, logs/kafka.out for the JVM's stdout/stderr)
#                            run/<server>.pid
#                            lib/kafka, lib/kafka-tools   jars fetched from Maven Central by install.sh
#                            data/prometheus/   generated config, a copy of the alert rules, tsdb/
#   REDIS_PORT             6379
#   REDIS_APPENDFSYNC      everysec    (always: no acknowledged decision lost to a crash of Redis, at a throughput cost; no)
#   MYSQL_PORT             3306
#   MYSQL_DATABASE         coupon
#   MYSQL_USER             coupon
#   MYSQL_PASSWORD         coupon
#   KAFKA_PORT             9092
#   KAFKA_CONTROLLER_PORT  9093
#   KAFKA_JAVA             java        (any Java 17 or newer)
#   KAFKA_HEAP_OPTS        -Xms512m -Xmx1g
#   PROMETHEUS_PORT        9090
#   GATEWAY_PORT           8080        (the same variables as scripts/services.sh)
#   WORKER_PORT            8081
#   GATEWAY_MANAGEMENT_PORT  GATEWAY_PORT + 2   (the gateway's actuator: what Prometheus scrapes)
#   WORKER_MANAGEMENT_PORT   WORKER_PORT + 2    (the worker's actuator)
#
# Every server listens on 127.0.0.1 only. Configs are regenerated on every start,
# so a changed variable takes effect at the next start; data is kept.

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/../.." && pwd)"

INFRA_HOME="${INFRA_HOME:-$REPO_ROOT/.local/infra}"
# Daemons get absolute paths in their configs, whatever directory we are called from.
case "$INFRA_HOME" in /*) ;; *) INFRA_HOME="$PWD/$INFRA_HOME" ;; esac
REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_APPENDFSYNC="${REDIS_APPENDFSYNC:-everysec}"
MYSQL_PORT="${MYSQL_PORT:-3306}"
MYSQL_DATABASE="${MYSQL_DATABASE:-coupon}"
MYSQL_USER="${MYSQL_USER:-coupon}"
MYSQL_PASSWORD="${MYSQL_PASSWORD:-coupon}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_JAVA="${KAFKA_JAVA:-java}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms512m -Xmx1g}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9090}"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
WORKER_PORT="${WORKER_PORT:-8081}"
GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-$((GATEWAY_PORT + 2))}"
WORKER_MANAGEMENT_PORT="${WORKER_MANAGEMENT_PORT:-$((WORKER_PORT + 2))}"

DATA_DIR="$INFRA_HOME/data"
LOG_DIR="$INFRA_HOME/logs"
RUN_DIR="$INFRA_HOME/run"
KAFKA_LIB="$INFRA_HOME/lib/kafka"
KAFKA_TOOLS_LIB="$INFRA_HOME/lib/kafka-tools"

REDIS_DIR="$DATA_DIR/redis"
MARIADB_DIR="$DATA_DIR/mariadb"
MARIADB_DATADIR="$MARIADB_DIR/db"
MYSQL_SOCKET="$MARIADB_DIR/mysqld.sock"
KAFKA_DIR="$DATA_DIR/kafka"
KAFKA_STORAGE="$KAFKA_DIR/storage"
PROMETHEUS_DIR="$DATA_DIR/prometheus"

# What start.sh and status.sh mean by "all": the servers the services and tests need.
ALL_SERVERS=(redis mariadb kafka)
# Started only when named (`make run` does): no test needs it, and its port may belong to another
# Prometheus. stop.sh without arguments stops it too.
OPTIONAL_SERVERS=(prometheus)

# Deadlines (seconds). MariaDB and Kafka may run crash recovery after a kill -9.
REDIS_START_TIMEOUT=30
MARIADB_START_TIMEOUT=120
KAFKA_START_TIMEOUT=90
PROMETHEUS_START_TIMEOUT=60
STOP_TIMEOUT=60

export DEBIAN_FRONTEND=noninteractive

# The Debian tools live in sbin, which a non-root PATH often lacks.
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/sbin:/sbin" ;; esac

die() { echo "error: $*" >&2; exit 1; }
note() { echo "$*" >&2; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# Sets SERVERS to the server names to act on: the arguments, or all servers when none are given.
parse_servers() {
  SERVERS=()
  if [ $# -eq 0 ] || { [ $# -eq 1 ] && [ "$1" = all ]; }; then
    SERVERS=("${ALL_SERVERS[@]}")
    return
  fi
  local s
  for s in "$@"; do
    case "$s" in
      redis|mariadb|kafka|prometheus) SERVERS+=("$s") ;;
      mysql) SERVERS+=(mariadb) ;;
      *) die "unknown server '$s' (expected: ${ALL_SERVERS[*]} ${OPTIONAL_SERVERS[*]})" ;;
    esac
  done
}

server_address() {
  case "$1" in
    redis) echo "127.0.0.1:$REDIS_PORT" ;;
    mariadb) echo "127.0.0.1:$MYSQL_PORT" ;;
    kafka) echo "127.0.0.1:$KAFKA_PORT" ;;
    prometheus) echo "127.0.0.1:$PROMETHEUS_PORT" ;;
  esac
}

report() { printf '%-10s %-16s %s\n' "$1" "$(server_address "$1")" "$2"; }

ensure_layout() {
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_DIR" "$INFRA_HOME/lib"
  # The default INFRA_HOME sits inside the work tree.
  [ -f "$INFRA_HOME/.gitignore" ] || echo '*' >"$INFRA_HOME/.gitignore"
}

# Serialises start/stop so two callers never launch the same server twice.
# Launched daemons must not inherit fd 9 (use 9>&-), or they would hold the lock.
acquire_lock() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/infra.lock"
  flock -w 600 9 || die "another start/stop still holds $RUN_DIR/infra.lock"
}

pid_file() { echo "$RUN_DIR/$1.pid"; }

# True if PID exists and one of its threads is not a zombie. A JVM whose main thread has exited
# shows a zombie leader while its other threads still run and hold the ports, so every task counts.
proc_alive() {
  local pid="$1" task stat state
  [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
  for task in /proc/"$pid"/task/*/stat; do
    { read -r stat <"$task"; } 2>/dev/null || continue
    state="${stat##*) }"
    state="${state%% *}"
    [ "$state" != Z ] && [ "$state" != X ] && return 0
  done
  return 1
}

# Guards against a stale pid file whose number now belongs to another process.
proc_is_server() {
  local name="$1" pid="$2" cmd
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  case "$name" in
    redis) [[ "$cmd" == *redis-server* ]] ;;
    mariadb) [[ "$cmd" == *mariadbd* || "$cmd" == *mysqld* ]] && [[ "$cmd" == *"$MARIADB_DIR"* ]] ;;
    kafka) [[ "$cmd" == *kafka.Kafka* ]] && [[ "$cmd" == *"$KAFKA_DIR"* ]] ;;
    prometheus) [[ "$cmd" == *prometheus* ]] && [[ "$cmd" == *"$PROMETHEUS_DIR"* ]] ;;
    *) return 1 ;;
  esac
}

# Prints the pid of our running server NAME; fails if it is not running.
server_pid() {
  local f pid
  f="$(pid_file "$1")"
  [ -s "$f" ] || return 1
  pid="$(tr -dc '0-9' <"$f")"
  proc_alive "$pid" && proc_is_server "$1" "$pid" || return 1
  echo "$pid"
}

# All descendants of PID, parents before their children. One pass over /proc with shell builtins
# only: a fork per process made this take seconds on a busy machine.
descendants() {
  local root="$1" stat line rest pid ppid parent kid
  local -A children=()
  for stat in /proc/[0-9]*/stat; do
    { read -r line <"$stat"; } 2>/dev/null || continue
    pid="${stat#/proc/}"
    pid="${pid%/stat}"
    rest="${line##*) }"
    rest="${rest#* }"
    ppid="${rest%% *}"
    children[$ppid]+="$pid "
  done
  local queue=("$root")
  while [ "${#queue[@]}" -gt 0 ]; do
    parent="${queue[0]}"
    queue=("${queue[@]:1}")
    for kid in ${children[$parent]:-}; do
      echo "$kid"
      queue+=("$kid")
    done
  done
}

# Waits until none of the given pids is alive; fails at the deadline.
wait_gone() {
  local timeout="$1"; shift
  local end=$((SECONDS + timeout)) p alive
  while :; do
    alive=0
    for p in "$@"; do proc_alive "$p" && alive=1; done
    [ "$alive" -eq 0 ] && return 0
    [ "$SECONDS" -ge "$end" ] && return 1
    sleep 0.1
  done
}

# SIGKILL a process and everything it forked, then wait for them to disappear.
kill_tree() {
  local pid="$1" kids
  kids="$(descendants "$pid" | tr '\n' ' ')"
  kill -KILL "$pid" 2>/dev/null || true
  # shellcheck disable=SC2086
  [ -n "$kids" ] && kill -KILL $kids 2>/dev/null || true
  # shellcheck disable=SC2086
  wait_gone 10 "$pid" $kids
}

# True if something accepts TCP connections on 127.0.0.1:PORT.
port_open() {
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# Every TCP port server NAME listens on.
server_ports() {
  case "$1" in
    redis) echo "$REDIS_PORT" ;;
    mariadb) echo "$MYSQL_PORT" ;;
    kafka) echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" ;;
    prometheus) echo "$PROMETHEUS_PORT" ;;
  esac
}

# Waits until no port of server NAME accepts connections; fails at the deadline.
wait_ports_closed() {
  local name="$1" timeout="$2" end=$((SECONDS + $2)) port open
  while :; do
    open=0
    for port in $(server_ports "$name"); do port_open "$port" && open=1; done
    [ "$open" -eq 0 ] && return 0
    [ "$SECONDS" -ge "$end" ] && return 1
    sleep 0.1
  done
}

require_port_free() {
  local name="$1" port="$2" hint=""
  case "$name" in
    redis) hint=" (the distro's redis? systemctl stop redis-server / service redis-server stop)" ;;
    mariadb) hint=" (the distro's mariadb? systemctl stop mariadb / service mariadb stop)" ;;
    prometheus) hint=" (the distro's prometheus? systemctl stop prometheus / service prometheus stop; or set PROMETHEUS_PORT)" ;;
  esac
  if port_open "$port"; then
    die "$name: 127.0.0.1:$port is already taken by a process these scripts did not start$hint; stop it or choose another port"
  fi
}

# Poll CHECK... every INTERVAL seconds until it succeeds. Fails early when the
# server process (pid read from PIDFILE once it exists) dies, or at the deadline.
wait_healthy() {
  local name="$1" timeout="$2" interval="$3" pidf="$4"; shift 4
  local end=$((SECONDS + timeout)) pid=""
  while :; do
    if "$@"; then return 0; fi
    if [ -z "$pid" ] && [ -s "$pidf" ]; then pid="$(tr -dc '0-9' <"$pidf")"; fi
    if [ -n "$pid" ] && ! proc_alive "$pid"; then
      note "$name: process $pid exited during startup"
      return 1
    fi
    if [ "$SECONDS" -ge "$end" ]; then
      note "$name: not healthy after ${timeout}s"
      return 1
    fi
    sleep "$interval"
  done
}

show_log_tail() {
  local f
  for f in "$@"; do
    [ -s "$f" ] || continue
    note "---- last lines of $f ----"
    tail -n 30 "$f" >&2
  done
}

# ---- health checks -------------------------------------------------------

redis_healthy() {
  [ "$(timeout 5 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]
}

mariadb_admin_user() { id -un; }

# Root-equivalent access through the socket (unix_socket authentication).
mariadb_sql() {
  mariadb --no-defaults --protocol=socket --socket="$MYSQL_SOCKET" -u"$(mariadb_admin_user)" --batch --skip-column-names "$@"
}

mariadb_healthy() {
  [ -S "$MYSQL_SOCKET" ] &&
    timeout 10 mariadb-admin --no-defaults --protocol=socket --socket="$MYSQL_SOCKET" -u"$(mariadb_admin_user)" \
      --connect-timeout=2 ping >/dev/null 2>&1 &&
    port_open "$MYSQL_PORT"
}

# Command prefix that runs a Kafka command line tool class from the tools jars
# (an array rather than a function so it also works under `timeout`).
KAFKA_TOOL_CMD=("$KAFKA_JAVA" -Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
  "-Dlog4j2.configurationFile=$INFRA_DIR/kafka/log4j2-tools.xml" -cp "$KAFKA_TOOLS_LIB/*")

# Short client timeouts so a health probe against a half-started broker fails fast.
kafka_probe_config() {
  local f="$KAFKA_DIR/probe-client.properties"
  if [ ! -f "$f" ]; then
    mkdir -p "$KAFKA_DIR"
    printf '%s\n' 'request.timeout.ms=5000' 'default.api.timeout.ms=10000' \
      'socket.connection.setup.timeout.ms=2000' 'socket.connection.setup.timeout.max.ms=2000' >"$f"
  fi
  echo "$f"
}

# Healthy = the port accepts TCP and the broker answers a metadata request listing itself.
kafka_healthy() {
  port_open "$KAFKA_PORT" || return 1
  local out
  out="$(timeout 30 "${KAFKA_TOOL_CMD[@]}" org.apache.kafka.tools.BrokerApiVersionsCommand \
    --bootstrap-server "127.0.0.1:$KAFKA_PORT" --command-config "$(kafka_probe_config)" 2>/dev/null)" || return 1
  [[ "$out" == *"127.0.0.1:$KAFKA_PORT (id: 1"* ]]
}

# Ready = the TSDB is open and the configuration loaded.
prometheus_healthy() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -m 5 -o /dev/null "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" 2>/dev/null
  else
    port_open "$PROMETHEUS_PORT"
  fi
}

server_healthy() {
  case "$1" in
    redis) redis_healthy ;;
    mariadb) mariadb_healthy ;;
    kafka) kafka_healthy ;;
    prometheus) prometheus_healthy ;;
  esac
}
