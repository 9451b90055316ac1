package com.flashsale.coupon.cli.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessFinderTest {

    @TempDir
    Path dir;

    @Test
    void takesThePidFileWhenItsProcessIsAlive() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        new FakeProc(proc).process(321, 1, 0, 0, 0, 0);
        Path pidFile = Files.writeString(dir.resolve("redis.pid"), "321\n");

        Watched redis = new ProcessFinder(proc).find(Role.REDIS, pidFile, 6379);

        assertThat(redis).isEqualTo(new Watched(Role.REDIS, 321, false, "from redis.pid"));
    }

    @Test
    void findsTheProcessListeningOnThePortWhenThePidFileIsStaleOrMissing() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        new FakeProc(proc).process(500, 1, 0, 0, 0, 0).process(600, 1, 0, 0, 0, 0).listening(8080, 4711, 600);
        Path stale = Files.writeString(dir.resolve("gateway.pid"), "999");

        ProcessFinder finder = new ProcessFinder(proc);

        assertThat(finder.find(Role.GATEWAY, stale, 8080).pid()).isEqualTo(600);
        assertThat(finder.find(Role.GATEWAY, null, 8080).foundBy()).isEqualTo("listening on port 8080");
        assertThat(finder.find(Role.GATEWAY, dir.resolve("none.pid"), 8080).pid()).isEqualTo(600);
    }

    @Test
    void ofAParentAndTheChildItForkedTakesTheParent() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        // Redis saving in the background: the child holds the listening socket too.
        new FakeProc(proc).process(700, 1, 0, 0, 0, 0).process(701, 700, 0, 0, 0, 0).listening(6379, 99, 700, 701);

        assertThat(new ProcessFinder(proc).find(Role.REDIS, null, 6379).pid()).isEqualTo(700);
    }

    @Test
    void aPartThatCannotBeFoundStopsTheBenchSayingWhereItLooked() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        new FakeProc(proc).process(500, 1, 0, 0, 0, 0).listening(9092, 5, 500);
        Path pidFile = dir.resolve("kafka.pid");

        assertThatThrownBy(() -> new ProcessFinder(proc).find(Role.KAFKA, pidFile, 19092))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot find the Kafka process: no live pid in " + pidFile
                        + ", and no process listens on port 19092. Is it running ('make run')?");
    }
}
