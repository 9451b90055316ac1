#!/usr/bin/env bash
# Usage: scripts/java-home.sh   — prints the home of a JDK >= 21 (the build and the services need one).
# Looks at $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm, newest first.
set -euo pipefail

major_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

is_jdk21_or_newer() {
  local home=$1
  [ -x "$home/bin/javac" ] || return 1
  local major
  major=$(major_version "$home") || return 1
  [ -n "$major" ] && [ "$major" -ge 21 ]
}

candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
if command -v javac >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
fi
if [ -d /usr/lib/jvm ]; then
  while IFS= read -r dir; do candidates+=("$dir"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV)
fi

for home in "${candidates[@]}"; do
  if is_jdk21_or_newer "$home"; then
    echo "$home"
    exit 0
  fi
done

echo "No JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
echo "Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
exit 1
