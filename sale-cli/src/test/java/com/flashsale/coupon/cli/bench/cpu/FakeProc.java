package com.flashsale.coupon.cli.bench.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code /proc} of files a test writes: processes' stat lines, the machine's, sockets and their holders. */
final class FakeProc {

    final Path root;

    FakeProc(Path root) {
        this.root = root;
    }

    /** A process whose utime, stime, cutime and cstime are these, child of {@code parent}. */
    FakeProc process(long pid, long parent, long utime, long stime, long cutime, long cstime) throws IOException {
        Path dir = Files.createDirectories(root.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (proc " + pid + ") S " + parent + " " + pid + " " + pid
                + " 0 -1 0 0 0 0 0 " + utime + " " + stime + " " + cutime + " " + cstime + " 20 0 1 0 1 1 1");
        return this;
    }

    FakeProc machine(long busy, long idle, int cores) throws IOException {
        StringBuilder stat = new StringBuilder("cpu  " + busy + " 0 0 " + idle + " 0 0 0 0 0 0\n");
        for (int i = 0; i < cores; i++) {
            stat.append("cpu").append(i).append(" 0 0 0 0 0 0 0 0 0 0\n");
        }
        Files.writeString(root.resolve("stat"), stat);
        return this;
    }

    /** A listening TCP socket on 127.0.0.1 with this inode, held by these processes. */
    FakeProc listening(int port, long inode, long... holders) throws IOException {
        Path net = Files.createDirectories(root.resolve("net"));
        Files.writeString(net.resolve("tcp"), "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
                + "   uid  timeout inode\n"
                + "   0: 0100007F:" + String.format("%04X", port) + " 00000000:0000 0A 00000000:00000000 00:00000000"
                + " 00000000     0        0 " + inode + " 1 0000000000000000 100 0 0 10 0\n"
                + "   1: 0100007F:" + String.format("%04X", port) + " 0100007F:9C40 01 00000000:00000000 00:00000000"
                + " 00000000     0        0 " + (inode + 1) + " 1 0000000000000000 20 4 30 10 -1\n");
        for (long holder : holders) {
            Path fd = Files.createDirectories(root.resolve(Long.toString(holder)).resolve("fd"));
            Files.createSymbolicLink(fd.resolve("7"), Path.of("socket:[" + inode + "]"));
            Files.createSymbolicLink(fd.resolve("8"), Path.of("socket:[" + (inode + 1) + "]"));
        }
        return this;
    }
}
