# Chaos drills (system-tests, package chaos): the real jars as processes, one fault per drill, I1-I5 checked.
# They kill and restart the servers the environment names (INFRA_HOME, REDIS_PORT, MYSQL_PORT, KAFKA_PORT, ...):
# point those at a set of servers of your own if others use the default ones.

CHAOS_SCALE ?= full
CHAOS_REPORT := system-tests/target/chaos-report.md

.PHONY: chaos

chaos: tools infra-up build ## [test] run every failure drill at full scale (restarts the local servers); table in system-tests/target/chaos-report.md
	@rm -f $(CHAOS_REPORT)
	@status=0; $(MVN) verify -pl system-tests -am -Dchaos.scale=$(CHAOS_SCALE) -Dsystem-tests.skip=true || status=$$?; \
		[ -f $(CHAOS_REPORT) ] && { echo; cat $(CHAOS_REPORT); }; exit $$status
