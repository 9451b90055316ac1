#!/usr/bin/env bash
# Usage: scripts/infra/status.sh [redis|mariadb|kafka ...]   (default: all; exit 0 only if every one named is up)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_servers "$@"

rc=0
for s in "${SERVERS[@]}"; do
  if pid="$(server_pid "$s")"; then
    if server_healthy "$s"; then
      report "$s" "up (pid $pid)"
    else
      report "$s" "down (pid $pid running but not answering)"
      rc=1
    fi
  else
    report "$s" down
    rc=1
  fi
done
exit "$rc"
