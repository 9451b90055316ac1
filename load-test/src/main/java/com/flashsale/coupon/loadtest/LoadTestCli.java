package com.flashsale.coupon.loadtest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The flash-sale load test as a plain command line, for machines without k6 or Docker: the same
 * scenario as {@code k6/flash-sale.js} (distinct members, one start instant), then the seed's check
 * of the stores. {@code make load-test} uses its {@code verify} step after every runner.
 */
public final class LoadTestCli {

    private final Options options;
    private final Report report;

    LoadTestCli(Options options, PrintStream out) {
        this.options = options;
        this.report = new Report(out);
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            Options options = Options.parse(List.of(args), System.getenv());
            exitCode = new LoadTestCli(options, System.out).run() ? 0 : 1;
        } catch (UsageException e) {
            System.err.println("load-test: " + e.getMessage());
            System.err.print(Options.USAGE);
            exitCode = 2;
        } catch (LoadTestException e) {
            System.err.println("load-test: " + e.getMessage());
            exitCode = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    /** Carries out the command; true when everything it checked was right. */
    boolean run() throws InterruptedException {
        return switch (options.command()) {
            case RESET -> {
                reset();
                yield true;
            }
            case FIRE -> {
                FlashSale.Result result = fire();
                List<Check> checks = answerChecks(Outcomes.of(result.answers()), options.quantity());
                report.checks("Answers (a coupon of " + options.quantity() + " pieces):", checks);
                boolean passed = report.verdict(checks);
                writeSummary(result, checks, passed);
                yield passed;
            }
            case VERIFY -> verify();
            case RUN -> resetFireVerify();
        };
    }

    private void reset() {
        String provisioned = new SaleReset(new ServiceClient(options.worker(), options.adminToken()))
                .reset(options.couponCode(), options.quantity());
        report.line("Sale reset through " + options.worker() + " (" + options.couponCode() + " quantity "
                + options.quantity() + "): " + provisioned);
    }

    private FlashSale.Result fire() throws InterruptedException {
        report.line(String.format(Locale.ROOT, "Flash sale %s: members 1..%d ask once each, released at one instant, against %s",
                options.couponCode(), options.members(), options.gateway()));
        FlashSale.Result result = new FlashSale(new ServiceClient(options.gateway(), ""), options.couponCode(),
                options.members()).fire();
        report.line(String.format(Locale.ROOT, "  %d answers in %d ms", result.answers().size(), result.elapsed().toMillis()));
        report.outcomes(Outcomes.of(result.answers()));
        report.latency(Latency.of(result.answers()));
        return result;
    }

    private boolean verify() throws InterruptedException {
        List<Check> checks = new ArrayList<>();
        try (StoreProbe stores = new StoreProbe(options.stores())) {
            StoreSnapshot before = stores.read(options.couponCode());
            options.answersFile().ifPresent(file -> {
                SummaryFile.Answers answers = SummaryFile.read(file);
                report.line("Answers of the " + answers.runner() + " run (" + file + "):");
                report.outcomes(answers.outcomes());
                report.latency(answers.latency());
                checks.addAll(answerChecks(answers.outcomes(), before.quantity()));
            });
            Settling.Settled settled = awaitSettled(stores);
            checks.addAll(StoreChecks.of(settled, options.couponCode(), options.members()));
        }
        report.checks("Stores (" + options.stores().describe() + "):", checks);
        return report.verdict(checks);
    }

    private boolean resetFireVerify() throws InterruptedException {
        reset();
        try (StoreProbe stores = new StoreProbe(options.stores())) {
            StoreSnapshot start = stores.read(options.couponCode());
            if (start.quantity() != options.quantity() || start.redisStock() != start.quantity() || start.redisIssued() != 0
                    || start.rows() != 0) {
                throw new LoadTestException("the sale did not start from a clean state after the reset: " + start
                        + ". Are the worker and this check looking at the same stores (" + options.stores().describe() + ")?");
            }
            FlashSale.Result result = fire();
            List<Check> checks = new ArrayList<>(answerChecks(Outcomes.of(result.answers()), start.quantity()));
            Settling.Settled settled = awaitSettled(stores);
            checks.addAll(StoreChecks.of(settled, options.couponCode(), options.members()));
            checks.add(StoreChecks.everyWinnerPersisted(result.answers(), stores.persistedMembers(start.couponId())));
            report.checks("Answers and stores (" + options.stores().describe() + "):", checks);
            boolean passed = report.verdict(checks);
            writeSummary(result, checks, passed);
            return passed;
        }
    }

    private List<Check> answerChecks(Outcomes outcomes, long quantity) {
        return outcomes.checks(quantity, options.members());
    }

    private Settling.Settled awaitSettled(StoreProbe stores) throws InterruptedException {
        report.line("Waiting for the system to settle (at most " + options.settleTimeout().toSeconds() + " s)...");
        return Settling.await(() -> stores.read(options.couponCode()), options.settleTimeout());
    }

    private void writeSummary(FlashSale.Result result, List<Check> checks, boolean passed) {
        options.summaryFile().ifPresent(file -> {
            SummaryFile.write(file, options.couponCode(), options.members(), result, checks, passed);
            report.line("Summary written to " + file);
        });
    }
}
