package com.flashsale.coupon.cli;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.check.AnswerFacts;
import com.flashsale.coupon.kit.check.BadInputTrial;
import com.flashsale.coupon.kit.check.Expectations;
import com.flashsale.coupon.kit.check.Invariant;
import com.flashsale.coupon.kit.check.InvariantChecker;
import com.flashsale.coupon.kit.check.SaleFacts;
import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.load.Burst;
import com.flashsale.coupon.kit.load.LoadResult;
import com.flashsale.coupon.kit.settle.ConsumerBacklog;
import com.flashsale.coupon.kit.store.SaleState;
import com.flashsale.coupon.kit.store.StoreCounts;
import com.flashsale.coupon.kit.store.StoreProbe;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The seed's flash sale, checked: the sale reset through the worker, members 1..N ask once each at
 * one instant, the system left to settle, then every invariant judged on the stores (read directly)
 * and on every member's answer, with its evidence.
 */
@Command(name = "sale", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Check that the gateway, the worker, Redis and MySQL answer and that members 1..N are active,"
                + " reset the whole sale (every campaign's issue and failure rows deleted, the Redis ledger rebuilt),"
                + " let members 1..N ask once each at one instant, wait until the system has settled, then check the"
                + " answers and the stores: every invariant's verdict with its evidence.",
                Report.EXIT_CODES })
final class SaleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ResetOptions reset;

    @Mixin
    CheckOptions check;

    @Option(names = "--summary-file", paramLabel = "FILE",
            description = "also write the answers and verdicts as JSON to FILE (the shape k6's summary has); checked"
                    + " writable before the sale starts")
    Path summaryFile;

    @Mixin
    ServiceOptions services;

    @Mixin
    StoreOptions stores;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        reset.validate(spec);
        check.validate(spec);
        if (summaryFile != null) {
            SummaryFile.requireWritable(summaryFile, spec.commandLine());
        }
        String couponCode = reset.couponCode();
        Report report = new Report(spec.commandLine().getOut());
        // Everything the sale needs is checked before the reset, which deletes every campaign's rows.
        try (StoreProbe probe = SaleReadiness.openStores(stores.settings(), couponCode);
                SaleClient client = services.client(); ConsumerBacklog backlog = kafka.backlog()) {
            SaleReadiness.requireActiveMembers(probe, check.members, "--members " + check.members,
                    spec.commandLine());
            SaleReadiness.requireServices(client, couponCode);
            SaleReadiness.requireKafka(backlog);
            SaleSteps.reset(client, couponCode, reset.quantity, report);
            requireCleanStart(probe.counts(couponCode));

            report.line(String.format(Locale.ROOT, "Flash sale %s: members 1..%d ask once each, released at one instant,"
                    + " against %s", couponCode, check.members, client.services().gateway()));
            LoadResult burst = Burst.ofMembers(client, couponCode, 1, check.members).fire();
            report.line(String.format(Locale.ROOT, "  %d answers in %d ms", burst.log().size(), burst.elapsed().toMillis()));
            report.answers(burst.log().keyCounts());
            report.latency(burst.latency());

            SaleSteps.Settlement settled = SaleSteps.settle(probe, backlog, couponCode, check.settleTimeout(),
                    check.quietPeriod(), report);
            SaleState state = probe.state(couponCode);
            List<Answer> answers = burst.log().all();
            Set<Long> members = LongStream.rangeClosed(1, check.members).boxed().collect(Collectors.toSet());
            InvariantChecker checker = new InvariantChecker();
            Verdicts verdicts = checker.check(new SaleFacts(state, AnswerFacts.of(answers), Expectations.burst(members)));
            if (settled.done()) {
                BadInputTrial trial = BadInputTrial.run(client, probe, SeedRefusals.of(couponCode,
                        first(answers, Outcome.ISSUED), first(answers, Outcome.SOLD_OUT)), couponCode);
                verdicts = verdicts.with(Invariant.I6, checker.check(trial));
            }
            boolean passed = report.verdicts("Invariants (" + stores.settings().describe() + "):", verdicts, settled);
            if (summaryFile != null) {
                SummaryFile.write(summaryFile, couponCode, check.members, reset.quantity, burst, settled.judged(verdicts),
                        settled.done(), passed);
                report.line("Summary written to " + summaryFile);
            }
            return passed ? 0 : 1;
        }
    }

    private void requireCleanStart(StoreCounts start) {
        long expected = reset.quantity;
        if (start.quantity() != expected || start.stock() != expected || start.redisIssued() != 0 || start.rows() != 0) {
            throw new IllegalStateException("the sale did not start from a clean state after the reset: " + start
                    + ". Are the worker and this check looking at the same stores (" + stores.settings().describe() + ")?");
        }
    }

    private static OptionalLong first(List<Answer> answers, Outcome outcome) {
        return answers.stream().filter(a -> a.outcome() == outcome).mapToLong(Answer::memberId).findFirst();
    }
}
