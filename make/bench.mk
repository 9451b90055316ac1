# Benchmarks: the system's cost per request, process by process, beside Redis alone, the HTTP stack
# alone and the designs the system began with, in one run (docs/benchmarks.md). Both run `sale.jar bench|lab`.
.PHONY: bench bench-lab bench-cluster

bench: tools ## [bench] measure the running system (make run) and the lab in one run; writes bench-results/
	bench/run.sh $(BENCH_ARGS)

bench-lab: tools sale-jar ## [bench] only the lab: the five designs the system began with, on its two loads (no system needed)
	$(JAVA_HOME)/bin/java -jar $(SALE_JAR) lab $(BENCH_ARGS)

bench-cluster: tools ## [bench] the system on the local Redis Cluster (REDIS_MODE=cluster make run), with and without replica acknowledgement
	REDIS_MODE=cluster BENCH_ACKNOWLEDGE=replica bench/run.sh $(BENCH_ARGS)
	REDIS_MODE=cluster BENCH_ACKNOWLEDGE=none bench/run.sh $(BENCH_ARGS)
