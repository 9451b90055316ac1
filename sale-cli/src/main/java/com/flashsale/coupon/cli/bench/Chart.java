package com.flashsale.coupon.cli.bench;

import com.flashsale.coupon.cli.bench.cpu.Cost;
import com.flashsale.coupon.cli.bench.cpu.Role;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The results as two horizontal bar charts in one PNG, drawn headless with Java2D: the throughput of
 * every row on a logarithmic axis (the rows span three orders of magnitude) with p99 after it, and
 * below it the CPU time per request of every row where it was measured, stacked by process, with the
 * whole machine's figure marked beside it.
 */
final class Chart {

    private static final Map<String, Color> GROUP_COLORS = Map.of(
            "ceiling", new Color(0x6B7280), "floor", new Color(0x9CA3AF), "system", new Color(0x2563EB),
            "worker", new Color(0x059669), "lab", new Color(0xD97706));
    private static final Map<Role, Color> ROLE_COLORS = Map.of(
            Role.GATEWAY, new Color(0x2563EB), Role.REDIS, new Color(0xDC2626), Role.KAFKA, new Color(0x7C3AED),
            Role.WORKER, new Color(0x059669), Role.MARIADB, new Color(0xD97706), Role.GENERATOR, new Color(0x9CA3AF));
    private static final int WIDTH = 1300;
    private static final int ROW_HEIGHT = 34;
    private static final int LABEL_WIDTH = 530;
    private static final int TOP = 80;
    private static final int GAP = 120;

    private Chart() {
    }

    static void write(Path file, BenchReport.RunInfo run, List<ResultRow> allRows) throws IOException {
        System.setProperty("java.awt.headless", "true");
        // Rates only: a duration (the settle time) has no place on a throughput axis.
        List<ResultRow> rows = allRows.stream().filter(row -> !row.unit().equals("s")).toList();
        List<ResultRow> costed = allRows.stream().filter(row -> row.cost().isPresent()).toList();
        int throughputBottom = TOP + rows.size() * ROW_HEIGHT;
        int costTop = throughputBottom + GAP;
        int height = costTop + costed.size() * ROW_HEIGHT + 80;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Throughput per row (log scale), p99 latency after the figure", 20, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(run.startedAt() + " · " + run.machine().cores() + " cores · " + run.machine().cpu()
                + " · load average " + run.machine().loadBefore() + " · one run, load generator on the same machine",
                20, 52);
        throughput(g, rows);
        legend(g, throughputBottom + 40, List.of("ceiling", "floor", "system", "worker", "lab").stream()
                .map(group -> Map.entry(GROUP_COLORS.get(group), switch (group) {
                    case "ceiling" -> "Redis alone (redis-benchmark)";
                    case "floor" -> "HTTP stack alone (constant endpoint)";
                    case "system" -> "gateway issue endpoint";
                    case "worker" -> "worker persistence";
                    default -> "lab: seed's phases, in-process";
                })).toList());

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("CPU time per request by process (µs, " + run.machine().cores()
                + " cores); the whole machine's figure marked | after the bar", 20, costTop - 24);
        cost(g, costed, costTop);
        legend(g, height - 22, List.of(Role.values()).stream().map(role -> Map.entry(ROLE_COLORS.get(role), role.title()))
                .toList());
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void throughput(Graphics2D g, List<ResultRow> rows) {
        double max = rows.stream().mapToDouble(ResultRow::throughput).max().orElse(10);
        double lowDecade = 1;
        double highDecade = Math.ceil(Math.log10(Math.max(10, max)));
        int plotLeft = LABEL_WIDTH;
        int plotRight = WIDTH - 190;
        int plotBottom = TOP + rows.size() * ROW_HEIGHT;

        // Decade grid lines with labels.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double d = lowDecade; d <= highDecade; d++) {
            int x = xOfLog(Math.pow(10, d), lowDecade, highDecade, plotLeft, plotRight);
            g.setColor(new Color(0xE5E7EB));
            g.drawLine(x, TOP - 6, x, plotBottom);
            g.setColor(new Color(0x374151));
            String label = String.format(Locale.ROOT, "%,.0f", Math.pow(10, d));
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, plotBottom + 18);
        }
        for (int i = 0; i < rows.size(); i++) {
            ResultRow row = rows.get(i);
            int y = TOP + i * ROW_HEIGHT;
            label(g, row.name(), y);
            int x = xOfLog(Math.max(row.throughput(), Math.pow(10, lowDecade)), lowDecade, highDecade, plotLeft, plotRight);
            g.setColor(GROUP_COLORS.getOrDefault(row.group(), Color.GRAY));
            g.fillRect(plotLeft, y + 6, Math.max(2, x - plotLeft), ROW_HEIGHT - 12);
            g.setColor(Color.BLACK);
            String value = Target.number(row.throughput()) + " " + row.unit()
                    + (row.p99() > 0 ? String.format(Locale.ROOT, " · p99 %.1f ms", row.p99()) : "");
            g.drawString(value, x + 6, y + ROW_HEIGHT / 2 + 5);
        }
        axis(g, plotLeft, TOP, plotBottom);
    }

    private static void cost(Graphics2D g, List<ResultRow> rows, int top) {
        double max = rows.stream().mapToDouble(row -> Math.max(row.cost().get().machineMicros(),
                row.cost().get().processMicros())).max().orElse(1);
        int plotLeft = LABEL_WIDTH;
        // Room for the longest label after a bar: "688 µs · machine 1828 µs".
        int plotRight = WIDTH - 260;
        int plotBottom = top + rows.size() * ROW_HEIGHT;
        double step = Math.pow(10, Math.floor(Math.log10(Math.max(1, max))));
        while (max / step < 4) {
            step /= 2;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double v = 0; v <= max; v += step) {
            int x = xOfLinear(v, max, plotLeft, plotRight);
            g.setColor(new Color(0xE5E7EB));
            g.drawLine(x, top - 6, x, plotBottom);
            g.setColor(new Color(0x374151));
            String label = String.format(Locale.ROOT, "%.0f", v);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, plotBottom + 18);
        }
        for (int i = 0; i < rows.size(); i++) {
            ResultRow row = rows.get(i);
            Cost cost = row.cost().get();
            int y = top + i * ROW_HEIGHT;
            label(g, row.name(), y);
            double at = 0;
            for (Role role : Role.values()) {
                double micros = cost.micros(role);
                if (Double.isNaN(micros) || micros <= 0) {
                    continue;
                }
                int from = xOfLinear(at, max, plotLeft, plotRight);
                at += micros;
                int to = xOfLinear(at, max, plotLeft, plotRight);
                g.setColor(ROLE_COLORS.get(role));
                g.fillRect(from, y + 6, Math.max(1, to - from), ROW_HEIGHT - 12);
            }
            int machine = xOfLinear(cost.machineMicros(), max, plotLeft, plotRight);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2));
            g.drawLine(machine, y + 3, machine, y + ROW_HEIGHT - 3);
            g.setStroke(new BasicStroke(1));
            int end = Math.max(machine, xOfLinear(at, max, plotLeft, plotRight));
            g.drawString(String.format(Locale.ROOT, "%.0f µs · machine %.0f µs", cost.processMicros(),
                    cost.machineMicros()), end + 6, y + ROW_HEIGHT / 2 + 5);
        }
        axis(g, plotLeft, top, plotBottom);
    }

    private static void label(Graphics2D g, String name, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        FontMetrics metrics = g.getFontMetrics();
        String label = fit(name, metrics, LABEL_WIDTH - 30);
        g.drawString(label, LABEL_WIDTH - 12 - metrics.stringWidth(label), y + ROW_HEIGHT / 2 + 5);
    }

    private static void axis(Graphics2D g, int x, int top, int bottom) {
        g.setColor(new Color(0x374151));
        g.setStroke(new BasicStroke(1));
        g.drawLine(x, top - 6, x, bottom);
    }

    private static void legend(Graphics2D g, int y, List<Map.Entry<Color, String>> entries) {
        int x = 20;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (Map.Entry<Color, String> entry : entries) {
            g.setColor(entry.getKey());
            g.fillRect(x, y - 10, 14, 12);
            g.setColor(Color.BLACK);
            g.drawString(entry.getValue(), x + 20, y);
            x += 40 + g.getFontMetrics().stringWidth(entry.getValue());
        }
    }

    private static int xOfLog(double value, double lowDecade, double highDecade, int left, int right) {
        double fraction = (Math.log10(value) - lowDecade) / (highDecade - lowDecade);
        return left + (int) Math.round(Math.max(0, Math.min(1, fraction)) * (right - left));
    }

    private static int xOfLinear(double value, double max, int left, int right) {
        return left + (int) Math.round(Math.max(0, Math.min(1, value / max)) * (right - left));
    }

    private static String fit(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 4 && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
