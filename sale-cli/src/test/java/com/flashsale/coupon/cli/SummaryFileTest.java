package com.flashsale.coupon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flashsale.coupon.kit.api.Answer;
import com.flashsale.coupon.kit.api.Outcome;
import com.flashsale.coupon.kit.check.Invariant;
import com.flashsale.coupon.kit.check.Verdict;
import com.flashsale.coupon.kit.check.Verdicts;
import com.flashsale.coupon.kit.load.AnswerLog;
import com.flashsale.coupon.kit.load.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class SummaryFileTest {

    @TempDir
    Path dir;

    @Test
    void whatTheSaleWritesVerifyReadsBack() throws Exception {
        AnswerLog log = new AnswerLog();
        log.add(new Answer(1, 0, Outcome.ISSUED, 200, null, null, 0, 0, 2_000_000));
        log.add(new Answer(2, 0, Outcome.SOLD_OUT, 409, "COUPON-003", null, 0, 0, 4_000_000));
        Path file = dir.resolve("results/summary.json");

        SummaryFile.write(file, "FLASH100", 2, 1, new LoadResult(log, 0, 5_000_000, 0),
                new Verdicts(Map.of(Invariant.I1, Verdict.pass("fine"))), true, true);
        SummaryFile.Summary summary = SummaryFile.read(file);

        assertThat(summary.runner()).isEqualTo("jvm");
        assertThat(summary.members()).isEqualTo(2);
        assertThat(summary.keys()).isEqualTo(Map.of("200", 1L, "409 COUPON-003", 1L));
        assertThat(summary.outcomes()).isEqualTo(Map.of(Outcome.ISSUED, 1L, Outcome.SOLD_OUT, 1L));
        assertThat(summary.latency().p50()).isEqualTo(2.0);
        assertThat(Files.readString(file)).contains("\"I1\"", "\"status\" : \"PASS\"", "\"passed\" : true");
        assertThat(JsonMapper.builder().build().readTree(file.toFile()).propertyNames()).containsExactly("runner",
                "scenario", "couponCode", "members", "quantity", "outcomes", "latencyMs", "elapsedMs", "verdicts",
                "settled", "passed");
    }

    @Test
    void readsWhatK6Writes() throws Exception {
        Path file = dir.resolve("flash-sale-summary.json");
        Files.writeString(file, """
                {"runner":"k6","scenario":"flash-sale","couponCode":"FLASH100","members":500,"quantity":100,
                 "outcomes":{"200":100,"409 COUPON-003":397,"other":3},
                 "latencyMs":{"p50":12.5,"p99":80.1,"max":95.2},"passed":false}""");

        SummaryFile.Summary summary = SummaryFile.read(file);

        assertThat(summary.runner()).isEqualTo("k6");
        assertThat(summary.outcomes()).isEqualTo(Map.of(Outcome.ISSUED, 100L, Outcome.SOLD_OUT, 397L, Outcome.UNKNOWN, 3L));
        assertThat(summary.latency().p99()).isEqualTo(80.1);
    }

    @Test
    void aFileWithoutAnswersIsNamed() throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"runner\":\"k6\"}");

        assertThatThrownBy(() -> SummaryFile.read(file)).hasMessageContaining("holds no outcomes");
        assertThatThrownBy(() -> SummaryFile.read(dir.resolve("missing.json"))).hasMessageContaining("cannot read");
    }

    @Test
    void aMemberCountNoRunCanHaveIsRefused() throws Exception {
        for (String members : new String[] { "-5", "0", "100000", "2.5", "\"many\"" }) {
            Path file = dir.resolve("members.json");
            Files.writeString(file, "{\"runner\":\"k6\",\"members\":" + members + ",\"outcomes\":{\"200\":1}}");

            assertThatThrownBy(() -> SummaryFile.read(file)).as(members).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("members " + members);
        }
    }
}
