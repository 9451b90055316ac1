#!/usr/bin/env bash
# Usage: scripts/reset.sh WORKER_URL TOKEN   (`make reset` runs this)
#
# The sale reset through the worker's operator endpoint: every campaign's issue and failure rows deleted,
# the Redis ledger rebuilt at each campaign's quantity. Prints the worker's answer, its reason too when it
# refuses (a store down answers 503 with the store named), and what to look at when nothing answers.
set -euo pipefail

WORKER_URL=$1
TOKEN=$2
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT

if ! status=$(curl -sS -o "$answer" -w '%{http_code}' -XPOST -H "Authorization: Bearer $TOKEN" "$WORKER_URL/api/test/reset"); then
  echo "reset: nothing answers at $WORKER_URL: start the worker ('make run'); 'make status' shows what is down" >&2
  exit 1
fi
cat "$answer"
echo
if [ "$status" != 200 ]; then
  echo "reset: the worker at $WORKER_URL answered HTTP $status, the reason above; 'make status' shows what is down" >&2
  exit 1
fi
