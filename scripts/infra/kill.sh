#!/usr/bin/env bash
# Usage: scripts/infra/kill.sh redis|mariadb|kafka|prometheus ...   (kill -9 by pid file, no cleanup: simulates a crash)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ $# -gt 0 ] || die "usage: $0 redis|mariadb|kafka|prometheus ..."
parse_servers "$@"

# No lock on purpose: a crash can hit while start/stop is busy.
for s in "${SERVERS[@]}"; do
  if pid="$(server_pid "$s")"; then
    # Pid file, socket and storage lock are left as a crash leaves them.
    kill_tree "$pid" || die "$s: pid $pid survived SIGKILL"
    # The kernel closes the sockets a moment after the last thread: a start right after must find them free.
    wait_ports_closed "$s" 30 || die "$s: pid $pid is gone but 127.0.0.1 ports $(server_ports "$s") still accept connections"
    report "$s" "killed (pid $pid)"
  else
    report "$s" "not running"
  fi
done
