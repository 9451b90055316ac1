# Benchmarks: the seed's phases side by side with the system, against Redis and HTTP alone (README "Benchmarks").
.PHONY: bench bench-lab

bench: tools ## [bench] measure the running system (make run) and the lab in one run; writes bench-results/
	bench/run.sh $(BENCH_ARGS)

bench-lab: tools ## [bench] only the lab: the seed's concurrency phases on its two loads (no system needed)
	$(MVN) -q -pl lab -am package -DskipTests
	$(JAVA_HOME)/bin/java -jar lab/target/lab.jar lab $(BENCH_ARGS)
