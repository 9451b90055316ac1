# Benchmarks: the system's cost per request, process by process, beside Redis alone, the HTTP stack
# alone and the seed's designs, in one run (docs/benchmarks.md). Both run `sale.jar bench|lab`.
.PHONY: bench bench-lab

bench: tools ## [bench] measure the running system (make run) and the lab in one run; writes bench-results/
	bench/run.sh $(BENCH_ARGS)

bench-lab: tools sale-jar ## [bench] only the lab: the seed's concurrency phases on its two loads (no system needed)
	$(JAVA_HOME)/bin/java -jar $(SALE_JAR) lab $(BENCH_ARGS)
