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
#
# Modes: which Redis and Kafka the default set ('start.sh' without arguments, 'make run', 'make test')
# starts. The other set can always be named and run beside it on its own ports.
#   REDIS_MODE             standalone  (redis: one server)  or cluster  (redis-cluster)
#   KAFKA_MODE             standalone  (kafka: one broker)  or cluster  (kafka-cluster)
#   REDIS_CLUSTER_PORTS    7001,7002,7003,7004,7005,7006   one redis-server each, half primaries and half
#                            replicas (an even count, at least 6); each also listens on PORT+10000 (cluster bus)
#   REDIS_CLUSTER_NODE_TIMEOUT  2000   ms before a silent primary is failed over by its replica
#   KAFKA_CLUSTER_PORTS    9192,9292,9392   client ports of brokers 1, 2, 3 (each is broker and controller)
#   KAFKA_CLUSTER_CONTROLLER_PORTS  9193,9293,9393
#   KAFKA_CLUSTER_HEAP_OPTS  -Xms256m -Xmx512m   (per broker)
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
REDIS_MODE="${REDIS_MODE:-standalone}"
KAFKA_MODE="${KAFKA_MODE:-standalone}"
REDIS_CLUSTER_NODE_TIMEOUT="${REDIS_CLUSTER_NODE_TIMEOUT:-2000}"
KAFKA_CLUSTER_HEAP_OPTS="${KAFKA_CLUSTER_HEAP_OPTS:--Xms256m -Xmx512m}"
# Lists are given with commas or spaces.
IFS=', ' read -r -a REDIS_CLUSTER_PORT_LIST <<<"${REDIS_CLUSTER_PORTS:-7001,7002,7003,7004,7005,7006}"
IFS=', ' read -r -a KAFKA_CLUSTER_PORT_LIST <<<"${KAFKA_CLUSTER_PORTS:-9192,9292,9392}"
IFS=', ' read -r -a KAFKA_CLUSTER_CONTROLLER_PORT_LIST <<<"${KAFKA_CLUSTER_CONTROLLER_PORTS:-9193,9293,9393}"
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
REDIS_CLUSTER_DIR="$DATA_DIR/redis-cluster"
KAFKA_CLUSTER_DIR="$DATA_DIR/kafka-cluster"

die() { echo "error: $*" >&2; exit 1; }

case "$REDIS_MODE" in
  standalone) DEFAULT_REDIS=redis ;;
  cluster) DEFAULT_REDIS=redis-cluster ;;
  *) die "REDIS_MODE must be standalone or cluster, not '$REDIS_MODE'" ;;
esac
case "$KAFKA_MODE" in
  standalone) DEFAULT_KAFKA=kafka ;;
  cluster) DEFAULT_KAFKA=kafka-cluster ;;
  *) die "KAFKA_MODE must be standalone or cluster, not '$KAFKA_MODE'" ;;
esac

# What start.sh and status.sh mean by "all": the servers the services and tests need, in the modes chosen.
ALL_SERVERS=("$DEFAULT_REDIS" mariadb "$DEFAULT_KAFKA")
# Started only when named (`make run` does): no test needs it, and its port may belong to another
# Prometheus. stop.sh without arguments stops it too.
OPTIONAL_SERVERS=(prometheus)
# Every server these scripts know, in start order: what stop.sh without arguments stops.
KNOWN_SERVERS=(redis redis-cluster mariadb kafka kafka-cluster prometheus)

# Deadlines (seconds). MariaDB and Kafka may run crash recovery after a kill -9.
REDIS_START_TIMEOUT=30
REDIS_CLUSTER_START_TIMEOUT=90
MARIADB_START_TIMEOUT=120
KAFKA_START_TIMEOUT=90
# Three JVMs starting at once on a small machine, then electing a controller.
KAFKA_CLUSTER_START_TIMEOUT=180
PROMETHEUS_START_TIMEOUT=60
STOP_TIMEOUT=60

export DEBIAN_FRONTEND=noninteractive

# The Debian tools live in sbin, which a non-root PATH often lacks.
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/sbin:/sbin" ;; esac

note() { echo "$*" >&2; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# Sets SERVERS to the server names to act on: the arguments, or all servers when none are given.
# One node of a cluster is named redis-cluster:PORT or kafka-cluster:NODE_ID (1, 2, 3).
parse_servers() {
  SERVERS=()
  if [ $# -eq 0 ] || { [ $# -eq 1 ] && [ "$1" = all ]; }; then
    SERVERS=("${ALL_SERVERS[@]}")
    return
  fi
  local s
  for s in "$@"; do
    case "$s" in
      redis|redis-cluster|mariadb|kafka|kafka-cluster|prometheus) SERVERS+=("$s") ;;
      mysql) SERVERS+=(mariadb) ;;
      redis-cluster:*)
        redis_cluster_has_port "${s#*:}" ||
          die "'$s': ${s#*:} is not one of the cluster's ports ${REDIS_CLUSTER_PORT_LIST[*]} (REDIS_CLUSTER_PORTS)"
        SERVERS+=("$s") ;;
      kafka-cluster:*)
        kafka_cluster_has_node "${s#*:}" ||
          die "'$s': ${s#*:} is not a broker's node id (1..${#KAFKA_CLUSTER_PORT_LIST[@]})"
        SERVERS+=("$s") ;;
      *) die "unknown server '$s' (expected: ${KNOWN_SERVERS[*]}, or one node: redis-cluster:PORT, kafka-cluster:NODE_ID)" ;;
    esac
  done
}

# The function that acts on server S: ACTION_redis_cluster for redis-cluster and redis-cluster:PORT.
server_function() { local name="${2%%:*}"; echo "$1_${name//-/_}"; }
# The node part of redis-cluster:PORT or kafka-cluster:ID; empty for a whole server.
server_node() { case "$1" in *:*) echo "${1#*:}" ;; esac; }

# A port list as 127.0.0.1:A,127.0.0.1:B,...
loopback_list() { local p out=""; for p in "$@"; do out+="${out:+,}127.0.0.1:$p"; done; echo "$out"; }

server_address() {
  case "$1" in
    redis) echo "127.0.0.1:$REDIS_PORT" ;;
    mariadb) echo "127.0.0.1:$MYSQL_PORT" ;;
    kafka) echo "127.0.0.1:$KAFKA_PORT" ;;
    prometheus) echo "127.0.0.1:$PROMETHEUS_PORT" ;;
    redis-cluster) echo "127.0.0.1:${REDIS_CLUSTER_PORT_LIST[*]}" | tr ' ' ',' ;;
    kafka-cluster) echo "127.0.0.1:${KAFKA_CLUSTER_PORT_LIST[*]}" | tr ' ' ',' ;;
    redis-cluster:*) echo "127.0.0.1:${1#*:}" ;;
    kafka-cluster:*) echo "127.0.0.1:$(kafka_cluster_port "${1#*:}")" ;;
  esac
}

report() { printf '%-16s %-26s %s\n' "$1" "$(server_address "$1")" "$2"; }

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
# NAME is a pid file's name: a server, or one cluster node (redis-cluster-PORT, kafka-cluster-ID).
proc_is_server() {
  local name="$1" pid="$2" cmd
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  case "$name" in
    redis) [[ "$cmd" == *redis-server* ]] ;;
    mariadb) [[ "$cmd" == *mariadbd* || "$cmd" == *mysqld* ]] && [[ "$cmd" == *"$MARIADB_DIR"* ]] ;;
    kafka) [[ "$cmd" == *kafka.Kafka* ]] && [[ "$cmd" == *"$KAFKA_DIR/server.properties"* ]] ;;
    prometheus) [[ "$cmd" == *prometheus* ]] && [[ "$cmd" == *"$PROMETHEUS_DIR"* ]] ;;
    # redis-server shows its listening address as its process title.
    redis-cluster-*) [[ "$cmd" == *redis-server*"127.0.0.1:${name#redis-cluster-} "* ]] ;;
    kafka-cluster-*) [[ "$cmd" == *kafka.Kafka* ]] && [[ "$cmd" == *"$KAFKA_CLUSTER_DIR/${name#kafka-cluster-}/server.properties"* ]] ;;
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

# Every TCP port server NAME (or one cluster node, redis-cluster:PORT, kafka-cluster:ID) listens on.
server_ports() {
  local p i
  case "$1" in
    redis) echo "$REDIS_PORT" ;;
    mariadb) echo "$MYSQL_PORT" ;;
    kafka) echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" ;;
    prometheus) echo "$PROMETHEUS_PORT" ;;
    redis-cluster) for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do echo "$p $((p + 10000))"; done ;;
    redis-cluster:*) echo "${1#*:} $((${1#*:} + 10000))" ;;
    kafka-cluster) for i in "${!KAFKA_CLUSTER_PORT_LIST[@]}"; do echo "${KAFKA_CLUSTER_PORT_LIST[$i]} ${KAFKA_CLUSTER_CONTROLLER_PORT_LIST[$i]}"; done ;;
    kafka-cluster:*) echo "$(kafka_cluster_port "${1#*:}") $(kafka_cluster_controller_port "${1#*:}")" ;;
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

# wait_healthy for a cluster: polls CHECK... like it, and fails early when any node's process (NODES:
# pid file names, e.g. "kafka-cluster-1 kafka-cluster-2") is gone.
wait_cluster_healthy() {
  local name="$1" timeout="$2" interval="$3" nodes="$4"; shift 4
  local end=$((SECONDS + timeout)) n
  while :; do
    if "$@"; then return 0; fi
    for n in $nodes; do
      server_pid "$n" >/dev/null || { note "$name: the process of $n exited"; return 1; }
    done
    if [ "$SECONDS" -ge "$end" ]; then
      note "$name: not healthy after ${timeout}s"
      return 1
    fi
    sleep "$interval"
  done
}

# Warns about ports the kernel also hands out to outgoing connections (net.ipv4.ip_local_port_range):
# while a node is down, any client's connection may take its port, and the node cannot come back.
warn_ephemeral_ports() {
  local what="$1" low high p hit=""; shift
  read -r low high </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || return 0
  for p in "$@"; do [ "$p" -ge "$low" ] && [ "$p" -le "$high" ] && hit+=" $p"; done
  [ -z "$hit" ] || note "warning: $what:$hit lie in the range of ports handed to outgoing connections ($low-$high):" \
    "a node restarted after a crash may find its port taken. Choose ports below $low."
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
    redis-cluster) redis_cluster_healthy ;;
    redis-cluster:*) redis_cluster_node_healthy "${1#*:}" ;;
    kafka-cluster) kafka_cluster_healthy ;;
    kafka-cluster:*) kafka_cluster_node_registered "${1#*:}" ;;
  esac
}

# What install.sh calls the component a server needs.
install_component() {
  case "$1" in
    redis | redis-cluster | redis-cluster:*) echo redis ;;
    kafka | kafka-cluster | kafka-cluster:*) echo kafka ;;
    *) echo "$1" ;;
  esac
}

# ---- redis cluster -------------------------------------------------------
#
# Nodes are named by port. Their state is read from the nodes themselves (CLUSTER INFO, CLUSTER
# NODES), never from a file of ours: after a failover the roles are what the cluster says.

redis_cluster_has_port() { local p; for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }
redis_cluster_node_dir() { echo "$REDIS_CLUSTER_DIR/$1"; }
redis_cluster_nodes_list() { loopback_list "${REDIS_CLUSTER_PORT_LIST[@]}"; }

validate_redis_cluster_ports() {
  local n="${#REDIS_CLUSTER_PORT_LIST[@]}" p
  [ "$n" -ge 6 ] && [ $((n % 2)) -eq 0 ] ||
    die "redis-cluster: REDIS_CLUSTER_PORTS needs an even number of ports, at least 6 (half primaries, half replicas), not '${REDIS_CLUSTER_PORT_LIST[*]}'"
  for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do
    [[ "$p" =~ ^[0-9]+$ ]] && [ "$p" -ge 1 ] && [ "$p" -le 55535 ] ||
      die "redis-cluster: '$p' in REDIS_CLUSTER_PORTS is not a port of 1..55535 (PORT+10000 is the cluster bus)"
  done
  [ "$(printf '%s\n' "${REDIS_CLUSTER_PORT_LIST[@]}" | sort -u | wc -l)" -eq "$n" ] ||
    die "redis-cluster: REDIS_CLUSTER_PORTS lists a port twice"
}

redis_cluster_pid_names() { local p; for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do printf 'redis-cluster-%s ' "$p"; done; }

# redis-cli against one node; no output and a failure when it does not answer in time.
redis_at() { local port="$1"; shift; timeout 5 redis-cli -h 127.0.0.1 -p "$port" "$@" 2>/dev/null | tr -d '\r'; }
redis_node_answers() { [ "$(redis_at "$1" ping)" = PONG ]; }

# The first node that answers PING, other than the ones given.
# shellcheck disable=SC2120  # cluster.sh passes the ports to skip
redis_cluster_live_port() {
  local p x skip
  for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do
    skip=0
    for x in "$@"; do [ "$p" = "$x" ] && skip=1; done
    [ "$skip" -eq 0 ] && redis_node_answers "$p" && { echo "$p"; return 0; }
  done
  return 1
}

# CLUSTER NODES of the node at PORT as one line per node: PORT ROLE STATE PRIMARY_PORT SLOTS
#   ROLE primary|replica, STATE ok|fail|pfail|handshake|noaddr|disconnected, PRIMARY_PORT '-' for a primary,
#   SLOTS the slot ranges served ('-' for none).
redis_cluster_view() {
  local out
  out="$(redis_at "$1" cluster nodes)" && [ -n "$out" ] || return 1
  awk '
    { id[NR] = $1; addr = $2; sub(/@.*/, "", addr); sub(/.*:/, "", addr); port[$1] = addr; line[NR] = $0 }
    END {
      for (i = 1; i <= NR; i++) {
        n = split(line[i], f, " ")
        role = f[3] ~ /master/ ? "primary" : (f[3] ~ /slave/ ? "replica" : "unknown")
        state = "ok"
        if (f[3] ~ /(^|,)fail\?(,|$)/) state = "pfail"
        if (f[3] ~ /(^|,)fail(,|$)/) state = "fail"
        if (f[3] ~ /handshake/) state = "handshake"
        if (f[3] ~ /noaddr/) state = "noaddr"
        if (state == "ok" && f[8] != "connected") state = "disconnected"
        primary = (f[4] == "-" || !(f[4] in port)) ? "-" : port[f[4]]
        slots = ""
        for (j = 9; j <= n; j++) if (f[j] !~ /^\[/) slots = slots (slots == "" ? "" : ",") f[j]
        print port[id[i]], role, state, primary, (slots == "" ? "-" : slots)
      }
    }' <<<"$out" | sort -n
}

redis_cluster_info_ok() {
  local info
  info="$(redis_at "$1" cluster info)" || return 1
  grep -qx 'cluster_state:ok' <<<"$info" && grep -qx 'cluster_slots_ok:16384' <<<"$info" &&
    grep -qx "cluster_known_nodes:${#REDIS_CLUSTER_PORT_LIST[@]}" <<<"$info"
}

redis_replica_link_up() { redis_at "$1" info replication | grep -qx 'master_link_status:up'; }

# Healthy = every node answers and says cluster_state:ok with all 16384 slots served, half the nodes
# are primaries serving slots and half replicas, no node is failing, every primary has a replica and
# every replica's link to its primary is up: a failover could happen now.
redis_cluster_healthy() {
  local n="${#REDIS_CLUSTER_PORT_LIST[@]}" p view
  for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do
    redis_cluster_info_ok "$p" || return 1
  done
  view="$(redis_cluster_view "${REDIS_CLUSTER_PORT_LIST[0]}")" || return 1
  awk -v want=$((n / 2)) '
    $3 != "ok" { bad = 1 }
    $2 == "primary" && $5 != "-" { primaries[$1] = 1; np++ }
    $2 == "replica" { has[$4] = 1; nr++ }
    END { if (bad || np != want || nr != want) exit 1; for (m in primaries) if (!(m in has)) exit 1 }' <<<"$view" || return 1
  for p in $(awk '$2 == "replica" { print $1 }' <<<"$view"); do
    redis_replica_link_up "$p" || return 1
  done
}

# One node is back in the cluster: it says cluster_state:ok, as a replica its link is up, and every
# other node that answers sees it as a healthy member.
redis_cluster_node_healthy() {
  local port="$1" p view role
  redis_cluster_info_ok "$port" || return 1
  view="$(redis_cluster_view "$port")" || return 1
  role="$(awk -v p="$port" '$1 == p { print $2 }' <<<"$view")"
  if [ "$role" = replica ]; then redis_replica_link_up "$port" || return 1; fi
  for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do
    [ "$p" = "$port" ] && continue
    redis_node_answers "$p" || continue
    redis_cluster_view "$p" | awk -v p="$port" '$1 == p && $3 == "ok" { found = 1 } END { exit !found }' || return 1
  done
}

# Nodes with the given slot's primary: "PRIMARY_PORT REPLICA_PORT..." as a live node sees it.
redis_cluster_slot_owner() {
  local slot="$1" from="$2"
  redis_cluster_view "$from" | awk -v s="$slot" '
    $2 == "primary" && $3 != "fail" && $5 != "-" {
      n = split($5, r, ",")
      for (i = 1; i <= n; i++) { split(r[i], b, "-"); lo = b[1]; hi = (b[2] == "" ? b[1] : b[2]); if (s + 0 >= lo + 0 && s + 0 <= hi + 0) owner = $1 }
    }
    { role[NR] = $2; port[NR] = $1; primary[NR] = $4; state[NR] = $3 }
    END {
      if (owner == "") exit 1
      out = owner
      for (i = 1; i <= NR; i++) if (role[i] == "replica" && primary[i] == owner && state[i] != "fail") out = out " " port[i]
      print out
    }'
}

# ---- kafka cluster -------------------------------------------------------
#
# Brokers are named by node id, 1..N, in the order of KAFKA_CLUSTER_PORTS.

kafka_cluster_has_node() { [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le "${#KAFKA_CLUSTER_PORT_LIST[@]}" ]; }
kafka_cluster_port() { echo "${KAFKA_CLUSTER_PORT_LIST[$(($1 - 1))]}"; }
kafka_cluster_controller_port() { echo "${KAFKA_CLUSTER_CONTROLLER_PORT_LIST[$(($1 - 1))]}"; }
kafka_cluster_ids() { seq 1 "${#KAFKA_CLUSTER_PORT_LIST[@]}"; }
kafka_cluster_node_dir() { echo "$KAFKA_CLUSTER_DIR/$1"; }
kafka_cluster_bootstrap() { loopback_list "${KAFKA_CLUSTER_PORT_LIST[@]}"; }
kafka_cluster_voters() {
  local id out=""
  for id in $(kafka_cluster_ids); do out+="${out:+,}$id@127.0.0.1:$(kafka_cluster_controller_port "$id")"; done
  echo "$out"
}

validate_kafka_cluster_ports() {
  local n="${#KAFKA_CLUSTER_PORT_LIST[@]}" p
  [ "$n" -ge 3 ] ||
    die "kafka-cluster: KAFKA_CLUSTER_PORTS needs at least 3 ports (replication factor 3), not '${KAFKA_CLUSTER_PORT_LIST[*]}'"
  [ "${#KAFKA_CLUSTER_CONTROLLER_PORT_LIST[@]}" -eq "$n" ] ||
    die "kafka-cluster: KAFKA_CLUSTER_CONTROLLER_PORTS needs one port per broker ($n), not '${KAFKA_CLUSTER_CONTROLLER_PORT_LIST[*]}'"
  for p in "${KAFKA_CLUSTER_PORT_LIST[@]}" "${KAFKA_CLUSTER_CONTROLLER_PORT_LIST[@]}"; do
    [[ "$p" =~ ^[0-9]+$ ]] && [ "$p" -ge 1 ] && [ "$p" -le 65535 ] || die "kafka-cluster: '$p' is not a port"
  done
  [ "$(printf '%s\n' "${KAFKA_CLUSTER_PORT_LIST[@]}" "${KAFKA_CLUSTER_CONTROLLER_PORT_LIST[@]}" | sort -u | wc -l)" -eq $((2 * n)) ] ||
    die "kafka-cluster: KAFKA_CLUSTER_PORTS and KAFKA_CLUSTER_CONTROLLER_PORTS list a port twice"
}

kafka_cluster_pid_names() { local id; for id in $(kafka_cluster_ids); do printf 'kafka-cluster-%s ' "$id"; done; }

# Node ids of the registered brokers (in the cluster's metadata, not fenced) that answer, one a line.
# A broker killed a moment ago stays in the metadata until its session times out (9 s), listed
# with "-> ERROR" instead of its API versions.
kafka_cluster_registered() {
  local out
  out="$(timeout 30 "${KAFKA_TOOL_CMD[@]}" org.apache.kafka.tools.BrokerApiVersionsCommand \
    --bootstrap-server "$(kafka_cluster_bootstrap)" --command-config "$(kafka_probe_config)" 2>/dev/null)" || return 1
  sed -nE 's/^127\.0\.0\.1:[0-9]+ \(id: ([0-9]+) .*isFenced: false\) -> \($/\1/p' <<<"$out" | sort -n
}

# Healthy = every broker is registered with the controller quorum.
kafka_cluster_healthy() {
  [ "$(kafka_cluster_registered | tr '\n' ' ')" = "$(kafka_cluster_ids | tr '\n' ' ')" ]
}

kafka_cluster_node_registered() { kafka_cluster_registered | grep -qx "$1"; }

# No partition of any topic has fewer in-sync replicas than replicas: a restarted broker has caught up.
kafka_cluster_in_sync() {
  local out
  out="$(timeout 30 "${KAFKA_TOOL_CMD[@]}" org.apache.kafka.tools.TopicCommand --describe --under-replicated-partitions \
    --bootstrap-server "$(kafka_cluster_bootstrap)" --command-config "$(kafka_probe_config)" 2>/dev/null)" || return 1
  [ -z "$(tr -d '[:space:]' <<<"$out")" ]
}

# ---- tables for status.sh and cluster.sh ---------------------------------

# True if any node of the cluster S (redis-cluster, kafka-cluster) has a live process.
cluster_any_running() {
  local p
  case "$1" in
    redis-cluster) for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do server_pid "redis-cluster-$p" >/dev/null && return 0; done ;;
    kafka-cluster) for p in $(kafka_cluster_ids); do server_pid "kafka-cluster-$p" >/dev/null && return 0; done ;;
  esac
  return 1
}

# One line per Redis node, as the first live node sees the cluster: address, role, slots or primary, pid.
redis_cluster_table() {
  local live view p pid line
  live="$(redis_cluster_live_port)" && view="$(redis_cluster_view "$live")" || view=""
  for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do
    pid="$(server_pid "redis-cluster-$p")" || pid=""
    line="$(awk -v p="$p" '$1 == p {
        what = $2 == "primary" ? ($5 == "-" ? "primary, no slots" : "primary, slots " $5) : "replica of 127.0.0.1:" $4
        print what ($3 == "ok" ? "" : ", " $3) }' <<<"$view")"
    if [ -n "$pid" ]; then
      printf '  127.0.0.1:%-6s %-44s pid %s\n' "$p" "${line:-not in the cluster}" "$pid"
    else
      printf '  127.0.0.1:%-6s %-44s %s\n' "$p" "${line:-}" "process down"
    fi
  done
}

# One line per broker: address, controller port, registered or not, pid.
kafka_cluster_table() {
  local registered id pid state
  registered=" $(kafka_cluster_registered | tr '\n' ' ') "
  for id in $(kafka_cluster_ids); do
    pid="$(server_pid "kafka-cluster-$id")" || pid=""
    if [[ "$registered" == *" $id "* ]]; then state=registered; else state="not registered"; fi
    if [ -n "$pid" ]; then pid="pid $pid"; else pid="process down"; fi
    printf '  broker %s 127.0.0.1:%-6s controller :%-6s %-16s %s\n' "$id" "$(kafka_cluster_port "$id")" \
      "$(kafka_cluster_controller_port "$id")" "$state" "$pid"
  done
}
