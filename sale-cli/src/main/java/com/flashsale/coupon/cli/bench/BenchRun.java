package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.bench.cpu.CpuMeter;
import com.flashsale.coupon.kit.api.SaleClient;
import com.flashsale.coupon.kit.store.StoreProbe;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;

/**
 * What the parts of one bench run share, handed over once: the settings, the system's client, the
 * stores read directly (the probe, and MySQL for its own timestamps), the meter of the system's
 * processes, the console, and the notes written under the results. The run owns and closes them.
 */
record BenchRun(BenchSettings settings, SaleClient client, StoreProbe probe, Connection db, CpuMeter meter,
        PrintWriter out, List<String> notes) {

    /** A line on the console at once: a run of many minutes shows where it is. */
    void line(String text) {
        out.println(text);
        out.flush();
    }

    /** A duration in nanoseconds as the console shows it. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** Written under the results: what a reader of the figures must know about this run. */
    void note(String note) {
        notes.add(note);
    }
}
