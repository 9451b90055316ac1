package com.flashsale.coupon.cli.bench.cpu;

/**
 * What one request cost in CPU over a row's window, in microseconds: each measured process, the
 * processes together, and the whole machine. On a machine shared with other work the machine's
 * figure counts the neighbours too ({@link #otherMicros}); the processes' figures do not.
 */
public record Cost(CpuWindow window, long requests) {

    public Cost {
        if (requests <= 0) {
            throw new IllegalArgumentException("a cost per request needs requests, got " + requests);
        }
    }

    /** µs of this role's CPU per request; NaN when the role was not measured. */
    public double micros(Role role) {
        Double seconds = window.seconds().get(role);
        return seconds == null ? Double.NaN : seconds * 1e6 / requests;
    }

    /** The system's processes and the load generator together. */
    public double processMicros() {
        return window.processSeconds() * 1e6 / requests;
    }

    /** Every CPU's busy time per request, whoever spent it. */
    public double machineMicros() {
        return window.machineBusySeconds() * 1e6 / requests;
    }

    /** The machine's busy time the measured processes do not account for: the kernel's own threads, other work. */
    public double otherMicros() {
        return machineMicros() - processMicros();
    }
}
