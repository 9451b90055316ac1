package com.flashsale.coupon.cli;

import com.flashsale.coupon.events.LedgerKeys;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.check.AnswerFacts;
import com.flashsale.coupon.kit.check.Expectations;
import com.flashsale.coupon.kit.check.InvariantChecker;
import com.flashsale.coupon.kit.check.SaleFacts;
import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.settle.ConsumerBacklog;
import com.flashsale.coupon.kit.store.SaleState;
import com.flashsale.coupon.kit.store.StoreProbe;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The check after any load-test runner (k6, the k6 image, or this command line's own {@code sale}):
 * waits until the system has settled, then judges the invariants on the stores, and on the runner's
 * answers when its summary is given.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Wait until the system has settled (the Redis outbox empty, the worker's consumer group with"
                + " nothing left in Kafka, the stores unchanged for the quiet period), then check the stores after a"
                + " flash sale of members 1..N"
                + " (and the answers another runner, k6, summarised, with --answers): every invariant's verdict.",
                Report.EXIT_CODES })
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--answers", paramLabel = "FILE",
            description = "the summary a flash-sale run wrote (k6/results/flash-sale-summary.json): its answers are"
                    + " checked too, on its coupon (a --coupon naming another is refused); its member count wins over"
                    + " --members")
    Path answersFile;

    @Mixin
    CouponOptions coupon;

    @Mixin
    CheckOptions check;

    @Mixin
    StoreOptions stores;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        coupon.validate(spec);
        check.validate(spec);
        Report report = new Report(spec.commandLine().getOut());
        SummaryFile.Summary summary = answersFile == null ? null : summary();
        String couponCode = summary == null ? coupon.couponCode() : couponOf(summary);
        long members = summary != null && summary.members() > 0 ? summary.members() : check.members;
        AnswerFacts answers = AnswerFacts.storesOnly(members);
        Expectations expectations = Expectations.none();
        if (summary != null) {
            report.line("Answers of the " + summary.runner() + " run (" + answersFile + "):");
            report.answers(summary.keys());
            report.latency(summary.latency());
            answers = AnswerFacts.counts(summary.outcomes(), members);
            expectations = expectations.only(Outcome.ISSUED, Outcome.SOLD_OUT).requests(members);
        }
        // Opened with a first read: an unknown coupon or a store that refuses the login cannot heal while the
        // settle waits, so it ends the command at once.
        try (StoreProbe probe = SaleReadiness.openStores(stores.settings(), couponCode);
                ConsumerBacklog backlog = kafka.backlog()) {
            SaleReadiness.requireActiveMembers(probe, members, summary != null && summary.members() > 0
                    ? answersFile + " says members " + members : "--members " + members, spec.commandLine());
            SaleSteps.Settlement settled = SaleSteps.settle(probe, backlog, couponCode, check.settleTimeout(),
                    check.quietPeriod(), report);
            SaleState state = probe.state(couponCode);
            Verdicts verdicts = new InvariantChecker().check(new SaleFacts(state, answers, expectations));
            return report.verdicts("Invariants of " + couponCode + " after members 1.." + members + " asked ("
                    + stores.settings().describe() + "):", verdicts, settled) ? 0 : 1;
        }
    }

    private SummaryFile.Summary summary() {
        try {
            return SummaryFile.read(answersFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--answers: " + e.getMessage());
        }
    }

    /**
     * The answers were given for the summary's coupon: judging the stores of another would pass or fail
     * a sale that did not happen. A --coupon that names another is a mistake, refused.
     */
    private String couponOf(SummaryFile.Summary summary) {
        String named = summary.couponCode();
        boolean couponGiven = spec.commandLine().getParseResult().hasMatchedOption("--coupon");
        if (named.isBlank()) {
            return coupon.couponCode();
        }
        if (!LedgerKeys.isValidCouponCode(named)) {
            throw new ParameterException(spec.commandLine(), "--answers: " + answersFile + " names coupon '" + named
                    + "', not a coupon code");
        }
        if (couponGiven && !named.equals(coupon.couponCode())) {
            throw new ParameterException(spec.commandLine(), "--coupon " + coupon.couponCode() + " contradicts "
                    + answersFile + ", a run of " + named + ": leave --coupon out, or give the summary of that run");
        }
        return named;
    }
}
