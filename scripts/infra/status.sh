#!/usr/bin/env bash
# Usage: scripts/infra/status.sh [redis|mariadb|kafka|prometheus ...]   (default: all; exit 0 only if every one named is up, Prometheus counts only when named)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

optional=()
[ $# -eq 0 ] && optional=("${OPTIONAL_SERVERS[@]}")
parse_servers "$@"

# Prints one server's state; fails if it is not up.
show() {
  local s="$1" pid
  if pid="$(server_pid "$s")"; then
    if server_healthy "$s"; then
      report "$s" "up (pid $pid)"
      return 0
    fi
    report "$s" "down (pid $pid running but not answering)"
  else
    report "$s" down
  fi
  return 1
}

rc=0
for s in "${SERVERS[@]}"; do
  show "$s" || rc=1
done
# Shown for information only: nothing but `make run` needs it.
for s in "${optional[@]}"; do
  show "$s" || true
done
exit "$rc"
