package com.flashsale.coupon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * k6 cannot be installed on these machines, so the scenarios in {@code k6/} are checked with Node.js:
 * {@code k6/check/scripts.test.mjs} imports each script as the ES module k6 loads, checks its options
 * against k6's rules and runs it against simulated gateways, right and wrong. Node is part of the
 * build machines; a missing one fails here rather than letting the scripts go unchecked.
 */
class K6ScriptsTest {

    private static final Path K6_DIR = Path.of(System.getProperty("k6.dir", "../k6"));

    @Test
    void scenariosParseAndTheirThresholdsPassOnlyAgainstACorrectGateway() throws Exception {
        assertThat(K6_DIR.resolve("flash-sale.js")).isRegularFile();
        Path output = Files.createTempFile("k6-check", ".log");
        Process node;
        try {
            node = new ProcessBuilder("node", "--import", "./check/register.mjs", "check/scripts.test.mjs")
                    .directory(K6_DIR.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            fail("Node.js (20.6 or newer) is needed to check the k6 scripts: install the 'nodejs' package. " + e.getMessage());
            return;
        }
        boolean finished = node.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("the k6 script check finished within 2 minutes:%n%s", log).isTrue();
        assertThat(node.exitValue()).as("k6 script check (k6/check/scripts.test.mjs) failed:%n%s", log).isZero();
        assertThat(log).contains("# fail 0").doesNotContain("# pass 0");
    }
}
