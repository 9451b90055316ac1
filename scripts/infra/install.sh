#!/usr/bin/env bash
# Usage: scripts/infra/install.sh [--check] [redis|mariadb|kafka|prometheus|wrk ...]   (default: all; --check only tests, exit 1 if something is missing)
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHECK_ONLY=0
if [ "${1:-}" = --check ]; then CHECK_ONLY=1; shift; fi

COMPONENTS=()
if [ $# -eq 0 ] || { [ $# -eq 1 ] && [ "$1" = all ]; }; then
  COMPONENTS=(redis mariadb kafka prometheus wrk)
else
  for c in "$@"; do
    case "$c" in
      redis|mariadb|kafka|prometheus|wrk) COMPONENTS+=("$c") ;;
      mysql) COMPONENTS+=(mariadb) ;;
      *) die "unknown component '$c' (expected: redis mariadb kafka prometheus wrk)" ;;
    esac
  done
fi

wants() { local c; for c in "${COMPONENTS[@]}"; do [ "$c" = "$1" ] && return 0; done; return 1; }

deb_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = installed ]
}

java_major() {
  "$KAFKA_JAVA" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == 1 ? v[2] : v[1]); exit }'
}

wanted_packages() {
  wants redis && echo redis-server redis-tools
  wants mariadb && echo mariadb-server mariadb-client
  wants prometheus && echo prometheus
  wants wrk && echo wrk
  # Not servers, but the checks of 'make test' need them: compose validation and the operator scripts.
  echo docker-compose curl
  if wants kafka; then
    local major
    major="$(java_major 2>/dev/null || true)"
    if [ -z "$major" ] || [ "$major" -lt 17 ]; then
      [ "$KAFKA_JAVA" = java ] || die "KAFKA_JAVA=$KAFKA_JAVA is not a Java 17+ runtime"
      echo default-jre-headless
    fi
    command -v mvn >/dev/null 2>&1 || echo maven
  fi
  return 0
}

missing_packages() {
  local p
  for p in $(wanted_packages); do
    deb_installed "$p" || echo "$p"
  done
}

POM="$INFRA_DIR/kafka/pom.xml"

# The stamp ties a lib folder to the pom it came from, so editing a version refetches.
kafka_stamp() { echo "$(sha256sum "$POM" | cut -d' ' -f1) $1"; }

kafka_lib_ok() {
  local profile="$1" dest="$2"
  [ -f "$dest/.installed" ] && [ "$(cat "$dest/.installed")" = "$(kafka_stamp "$profile")" ]
}

fetch_kafka_lib() {
  local profile="$1" dest="$2" tmp
  if kafka_lib_ok "$profile" "$dest"; then
    echo "kafka $profile jars: present in $dest"
    return
  fi
  mkdir -p "$(dirname "$dest")" "$LOG_DIR"
  tmp="$(mktemp -d "$(dirname "$dest")/.fetch-$profile.XXXXXX")"
  # A half-copied folder must never look installed: copy aside, then swap in.
  if ! mvn -q -B -f "$POM" -P"$profile" dependency:copy-dependencies -DoutputDirectory="$tmp" \
      >>"$LOG_DIR/install.log" 2>&1 </dev/null 8>&-; then
    rm -rf "$tmp"
    show_log_tail "$LOG_DIR/install.log"
    die "could not fetch the kafka $profile jars from Maven Central (see $LOG_DIR/install.log)"
  fi
  kafka_stamp "$profile" >"$tmp/.installed"
  rm -rf "$dest.old"
  [ -d "$dest" ] && mv "$dest" "$dest.old"
  mv "$tmp" "$dest"
  rm -rf "$dest.old"
  echo "kafka $profile jars: fetched into $dest ($(find "$dest" -name '*.jar' | wc -l) jars)"
}

# apt may start the distro's own daemons on their default ports, which our
# start scripts own; they are disabled too, else they come back at boot.
stop_distro_service() {
  local svc="$1"
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now "$svc" >/dev/null 2>&1 || true
  elif [ -x "/etc/init.d/$svc" ]; then
    # Only when it reports itself running: the mariadb script's stop can fall
    # back to `killall mariadbd`, which would also hit ours.
    if "/etc/init.d/$svc" status >/dev/null 2>&1; then
      "/etc/init.d/$svc" stop >/dev/null 2>&1 || true
    fi
    if command -v update-rc.d >/dev/null 2>&1; then update-rc.d "$svc" disable >/dev/null 2>&1 || true; fi
  fi
}

warn_foreign_listener() {
  local name="$1" port="$2"
  if port_open "$port" && ! server_pid "$name" >/dev/null; then
    note "warning: 127.0.0.1:$port is served by a process these scripts did not start; start.sh $name will refuse to run"
  fi
}

if [ "$CHECK_ONLY" -eq 1 ]; then
  [ -z "$(missing_packages)" ] || exit 1
  if wants kafka; then
    kafka_lib_ok broker "$KAFKA_LIB" && kafka_lib_ok tools "$KAFKA_TOOLS_LIB" || exit 1
  fi
  exit 0
fi

ensure_layout
exec 8>"$RUN_DIR/install.lock"
flock -w 900 8 || die "another install.sh is still running"

mapfile -t MISSING < <(missing_packages | tr ' ' '\n' | sed '/^$/d')
if [ "${#MISSING[@]}" -gt 0 ]; then
  if ! is_root; then
    note "error: missing Debian packages: ${MISSING[*]}"
    note "install them as root, e.g.: sudo apt-get install -y ${MISSING[*]}  (or run sudo $0)"
    exit 1
  fi
  echo "apt: installing ${MISSING[*]}"
  apt-get update -q >>"$LOG_DIR/install.log" 2>&1 8>&- || { show_log_tail "$LOG_DIR/install.log"; die "apt-get update failed"; }
  apt-get install -y -q --no-install-recommends "${MISSING[@]}" >>"$LOG_DIR/install.log" 2>&1 8>&- ||
    { show_log_tail "$LOG_DIR/install.log"; die "apt-get install failed (see $LOG_DIR/install.log)"; }
  for p in "${MISSING[@]}"; do
    case "$p" in
      redis-server) stop_distro_service redis-server ;;
      mariadb-server) stop_distro_service mariadb ;;
      prometheus) stop_distro_service prometheus ;;
    esac
  done
  echo "apt: installed ${MISSING[*]}"
else
  echo "apt: all packages present"
fi

if wants kafka; then
  major="$(java_major)"
  [ -n "$major" ] && [ "$major" -ge 17 ] || die "Kafka needs Java 17+, '$KAFKA_JAVA' is ${major:-missing}"
  fetch_kafka_lib broker "$KAFKA_LIB"
  fetch_kafka_lib tools "$KAFKA_TOOLS_LIB"
fi

wants redis && warn_foreign_listener redis "$REDIS_PORT"
wants mariadb && warn_foreign_listener mariadb "$MYSQL_PORT"
exit 0
