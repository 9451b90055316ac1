package com.flashsale.coupon.system.observability;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's monitoring files, found from wherever the tests run (Maven runs them in system-tests/). */
public final class ProjectFiles {

    private static final Path ROOT = findRoot();

    private ProjectFiles() {
    }

    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    public static Path prometheusLocalConfig() {
        return path("prometheus/prometheus-local.yml");
    }

    public static Path alertRules() {
        return path("prometheus/alerts.yml");
    }

    public static Path dashboards() {
        return path("grafana/dashboards");
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("prometheus/alerts.yml")) && Files.isDirectory(dir.resolve("grafana"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No prometheus/alerts.yml above " + Path.of("").toAbsolutePath());
    }
}
