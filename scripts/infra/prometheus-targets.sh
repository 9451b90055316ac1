#!/usr/bin/env bash
# Usage: scripts/infra/prometheus-targets.sh [--wait SECONDS]   (lists the gateway and worker scrape targets of the local Prometheus; exit 0 only if each job has targets and all are up)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

wait_for=0
if [ "${1:-}" = --wait ]; then wait_for="${2:?--wait needs a number of seconds}"; fi
URL="http://127.0.0.1:$PROMETHEUS_PORT"
JOBS=(gateway worker)

# One line per target: JOB INSTANCE VALUE (promtool prints `up{instance="...", job="..."} => 1 @[...]`).
targets() {
  promtool query instant "$URL" 'up{job=~"gateway|worker"}' 2>/dev/null |
    sed -nE 's/^up\{instance="([^"]*)", job="([^"]*)"\} => ([0-9.]+) .*/\2 \1 \3/p' | sort
}

all_up() {
  local lines job
  lines="$(targets)" || return 1
  for job in "${JOBS[@]}"; do
    grep -q "^$job " <<<"$lines" || return 1
  done
  ! grep -qv ' 1$' <<<"$lines"
}

# A target is up only after its first scrape, up to one scrape interval after Prometheus starts.
end=$((SECONDS + wait_for))
until all_up || [ "$SECONDS" -ge "$end" ]; do
  sleep 1
done

lines="$(targets)" || die "prometheus: no answer from $URL"
for job in "${JOBS[@]}"; do
  grep -q "^$job " <<<"$lines" || printf '  %-8s %-22s %s\n' "$job" "-" "no target"
done
while read -r job instance value; do
  [ -n "$job" ] || continue
  printf '  %-8s %-22s %s\n' "$job" "$instance" "$([ "$value" = 1 ] && echo up || echo DOWN)"
done <<<"$lines"
all_up
