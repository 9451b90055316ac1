#!/usr/bin/env bash
# Usage: scripts/infra/kafka-tool.sh TOOL [args...]   e.g. kafka-tool.sh topics --create --topic t --partitions 6
set -euo pipefail
# shellcheck source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# TOOL is one of the names below or a fully qualified class name from the tools jars.
# --bootstrap-server 127.0.0.1:$KAFKA_PORT is added when not given.
[ $# -gt 0 ] || die "usage: $0 topics|console-producer|console-consumer|consumer-groups|get-offsets|broker-api-versions|metadata-quorum|delete-records|log-dirs|transactions|CLASS [args...]"
tool="$1"; shift
case "$tool" in
  topics) cls=org.apache.kafka.tools.TopicCommand ;;
  console-producer) cls=org.apache.kafka.tools.ConsoleProducer ;;
  console-consumer) cls=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
  consumer-groups) cls=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  get-offsets) cls=org.apache.kafka.tools.GetOffsetShell ;;
  broker-api-versions) cls=org.apache.kafka.tools.BrokerApiVersionsCommand ;;
  metadata-quorum) cls=org.apache.kafka.tools.MetadataQuorumCommand ;;
  delete-records) cls=org.apache.kafka.tools.DeleteRecordsCommand ;;
  log-dirs) cls=org.apache.kafka.tools.LogDirsCommand ;;
  transactions) cls=org.apache.kafka.tools.TransactionsCommand ;;
  *.*) cls="$tool" ;;
  *) die "unknown tool '$tool'" ;;
esac

"$INFRA_DIR/install.sh" --check kafka || "$INFRA_DIR/install.sh" kafka >&2

args=("$@")
has_bootstrap=0
for a in "${args[@]}"; do
  case "$a" in --bootstrap-server|--bootstrap-server=*|--bootstrap-controller|--bootstrap-controller=*) has_bootstrap=1 ;; esac
done
[ "$has_bootstrap" -eq 1 ] || args=(--bootstrap-server "127.0.0.1:$KAFKA_PORT" "${args[@]}")

exec "${KAFKA_TOOL_CMD[@]}" "$cls" "${args[@]}"
