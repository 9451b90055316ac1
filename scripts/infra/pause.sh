#!/usr/bin/env bash
# Usage: scripts/infra/pause.sh [--resume] redis|redis-cluster[:PORT]|mariadb|kafka|kafka-cluster[:ID]|prometheus ...   (SIGSTOP by pid file: the server hangs with its sockets open, as in a long pause; --resume sends SIGCONT)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

signal=STOP
if [ "${1:-}" = --resume ]; then
  signal=CONT
  shift
fi
[ $# -gt 0 ] || die "usage: $0 [--resume] redis|redis-cluster[:PORT]|mariadb|kafka|kafka-cluster[:ID]|prometheus ...  (e.g. pause.sh kafka, then pause.sh --resume kafka)"
parse_servers "$@"

# The state letter of PID's main thread (T: stopped).
proc_state() {
  local stat
  { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
  stat="${stat##*) }"
  echo "${stat%% *}"
}

# SIGSTOP or SIGCONT to one server by its pid file's NAME and to its children, reported as WHAT; returns
# once the main process is stopped (or running again), so what follows meets the server in that state.
signal_one() {
  local name="$1" what="$2" pid kids end state
  pid="$(server_pid "$name")" || die "$what: not running"
  kids="$(descendants "$pid" | tr '\n' ' ')"
  # shellcheck disable=SC2086
  kill -"$signal" "$pid" $kids
  end=$((SECONDS + 10))
  while state="$(proc_state "$pid")"; do
    if [ "$signal" = STOP ]; then [ "$state" = T ] && break; else [ "$state" != T ] && break; fi
    [ "$SECONDS" -lt "$end" ] || die "$what: pid $pid still in state $state 10 s after SIG$signal"
    sleep 0.05
  done
  if [ "$signal" = STOP ]; then report "$what" "paused (pid $pid, SIGSTOP)"; else report "$what" "resumed (pid $pid, SIGCONT)"; fi
}

for s in "${SERVERS[@]}"; do
  case "$s" in
    redis-cluster) for p in "${REDIS_CLUSTER_PORT_LIST[@]}"; do signal_one "redis-cluster-$p" "redis-cluster:$p"; done ;;
    redis-cluster:*) signal_one "redis-cluster-${s#*:}" "$s" ;;
    kafka-cluster) for id in $(kafka_cluster_ids); do signal_one "kafka-cluster-$id" "kafka-cluster:$id"; done ;;
    kafka-cluster:*) signal_one "kafka-cluster-${s#*:}" "$s" ;;
    *) signal_one "$s" "$s" ;;
  esac
done
