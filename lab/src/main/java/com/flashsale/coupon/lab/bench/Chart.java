package com.flashsale.coupon.lab.bench;

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
 * The results as a horizontal bar chart (PNG, drawn headless with Java2D): throughput of every row on
 * a logarithmic axis, because the rows span three orders of magnitude, with p99 next to each bar.
 */
final class Chart {

    private static final Map<String, Color> GROUP_COLORS = Map.of(
            "ceiling", new Color(0x6B7280), "floor", new Color(0x9CA3AF), "system", new Color(0x2563EB),
            "worker", new Color(0x059669), "lab", new Color(0xD97706));
    private static final int WIDTH = 1300;
    private static final int ROW_HEIGHT = 34;
    private static final int LABEL_WIDTH = 530;
    private static final int TOP = 80;

    private Chart() {
    }

    static void write(Path file, Report.RunInfo run, List<ResultRow> allRows) throws IOException {
        System.setProperty("java.awt.headless", "true");
        // Rates only: a duration (the settle time) has no place on a throughput axis.
        List<ResultRow> rows = allRows.stream().filter(row -> !row.unit().equals("s")).toList();
        int height = TOP + rows.size() * ROW_HEIGHT + 70;
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
                + " · one run, load generator on the same machine", 20, 52);

        double max = rows.stream().mapToDouble(ResultRow::throughput).max().orElse(10);
        double lowDecade = 1;
        double highDecade = Math.ceil(Math.log10(Math.max(10, max)));
        int plotLeft = LABEL_WIDTH;
        int plotRight = WIDTH - 190;
        int plotBottom = TOP + rows.size() * ROW_HEIGHT;

        // Decade grid lines with labels.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double d = lowDecade; d <= highDecade; d++) {
            int x = xOf(Math.pow(10, d), lowDecade, highDecade, plotLeft, plotRight);
            g.setColor(new Color(0xE5E7EB));
            g.drawLine(x, TOP - 6, x, plotBottom);
            g.setColor(new Color(0x374151));
            String label = String.format(Locale.ROOT, "%,.0f", Math.pow(10, d));
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, plotBottom + 18);
        }

        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        for (int i = 0; i < rows.size(); i++) {
            ResultRow row = rows.get(i);
            int y = TOP + i * ROW_HEIGHT;
            g.setFont(labelFont);
            g.setColor(Color.BLACK);
            FontMetrics metrics = g.getFontMetrics();
            String label = fit(row.name(), metrics, LABEL_WIDTH - 30);
            g.drawString(label, LABEL_WIDTH - 12 - metrics.stringWidth(label), y + ROW_HEIGHT / 2 + 5);
            int x = xOf(Math.max(row.throughput(), Math.pow(10, lowDecade)), lowDecade, highDecade, plotLeft, plotRight);
            g.setColor(GROUP_COLORS.getOrDefault(row.group(), Color.GRAY));
            g.fillRect(plotLeft, y + 6, Math.max(2, x - plotLeft), ROW_HEIGHT - 12);
            g.setColor(Color.BLACK);
            String value = Target.number(row.throughput()) + " " + row.unit()
                    + (row.p99() > 0 ? String.format(Locale.ROOT, " · p99 %.1f ms", row.p99()) : "");
            g.drawString(value, x + 6, y + ROW_HEIGHT / 2 + 5);
        }
        g.setColor(new Color(0x374151));
        g.setStroke(new BasicStroke(1));
        g.drawLine(plotLeft, TOP - 6, plotLeft, plotBottom);

        // Legend.
        int lx = 20;
        int ly = height - 22;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (String group : List.of("ceiling", "floor", "system", "worker", "lab")) {
            g.setColor(GROUP_COLORS.get(group));
            g.fillRect(lx, ly - 10, 14, 12);
            g.setColor(Color.BLACK);
            String text = switch (group) {
                case "ceiling" -> "Redis alone (redis-benchmark)";
                case "floor" -> "HTTP stack alone (constant endpoint)";
                case "system" -> "gateway issue endpoint";
                case "worker" -> "worker persistence";
                default -> "lab: seed's phases, in-process";
            };
            g.drawString(text, lx + 20, ly);
            lx += 40 + g.getFontMetrics().stringWidth(text);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static int xOf(double value, double lowDecade, double highDecade, int left, int right) {
        double fraction = (Math.log10(value) - lowDecade) / (highDecade - lowDecade);
        return left + (int) Math.round(Math.max(0, Math.min(1, fraction)) * (right - left));
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
