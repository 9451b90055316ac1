package com.flashsale.coupon.cli.bench.cpu;

/**
 * One process whose CPU time is measured.
 *
 * @param withChildren also count the children it has reaped (the bench's own process: the tools it runs)
 * @param foundBy how it was found (its pid file's name, or its port), for the results and for an error that names it
 */
public record Watched(Role role, long pid, boolean withChildren, String foundBy) {

    /** The bench's own process, with the load tools it runs and waits for. */
    public static Watched generator() {
        return new Watched(Role.GENERATOR, ProcessHandle.current().pid(), true, "this process and the tools it runs");
    }

    @Override
    public String toString() {
        return role.title() + " (pid " + pid + ", " + foundBy + ")";
    }
}
