import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the benchmark chart from {@code ratios.tsv} (written by Summary.java): on the left each comparison's
 * throughput ratio (median and min–max of the per-round ratios) on a log scale with its target, on the right
 * the cold starts (median and min–max, in seconds) with the 1.5× Node target. Headless AWT, no libraries:
 * {@code java -Djava.awt.headless=true src-test/bench/report/Chart.java DIR} writes {@code DIR/benchmarks.png}.
 * Two more arguments name another ratios file in DIR and the image to write (the head-to-head's:
 * {@code DIR head-to-head-ratios.tsv head-to-head.png TITLE}), a fourth the title; without cold starts the
 * ratios take the whole width.
 */
public class Chart {
    record Bar(String group, String label, double median, double min, double max, double target) {
    }

    static final int WIDTH = 1500;
    static final int ROW = 34;
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    static final Color FETCHLET = new Color(0x2b, 0x6c, 0xb0);
    static final Color OTHER = new Color(0x9a, 0x9a, 0x9a);
    static final Color MISS = new Color(0xc0, 0x39, 0x2b);
    static final Color TARGET = new Color(0xe6, 0x7e, 0x22);

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        Path dir = Path.of(args.length > 0 ? args[0] : "src-test/target/bench/results");
        List<Bar> ratios = new ArrayList<>();
        List<Bar> cold = new ArrayList<>();
        String ratiosFile = args.length > 2 ? args[1] : "ratios.tsv";
        String imageFile = args.length > 2 ? args[2] : "benchmarks.png";
        for (String line : Files.readAllLines(dir.resolve(ratiosFile))) {
            String[] f = line.split("\t");
            if (f[0].equals("group")) {
                continue;
            }
            double target = f[6].equals("-") ? Double.NaN : Double.parseDouble(f[6]);
            Bar bar = new Bar(f[0], f[1], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), target);
            if (f[2].equals("throughput")) {
                ratios.add(bar);
            } else if (f[2].equals("first200_ms")) {
                cold.add(new Bar(bar.group(), bar.label(), bar.median() / 1000, bar.min() / 1000, bar.max() / 1000,
                        target / 1000));
            }
        }
        int rows = Math.max(ratios.size(), cold.size());
        int height = 120 + rows * ROW + 90;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(args.length > 3 ? args[3]
                : "Fetchlet benchmarks (loopback, 2 shared cores; medians with min–max of the rounds)", 30, 40);

        if (cold.isEmpty()) {
            ratioPanel(g, ratios, 30, 80, WIDTH - 60, rows);
        } else {
            ratioPanel(g, ratios, 30, 80, 860, rows);
            coldPanel(g, cold, 960, 80, 510, rows);
        }
        g.dispose();
        Path out = dir.resolve(imageFile);
        ImageIO.write(image, "png", out.toFile());
        System.out.println("wrote " + out);
    }

    /** Throughput ratios, log scale: right of 1 is Fetchlet (or JDK 25) ahead. */
    static void ratioPanel(Graphics2D g, List<Bar> bars, int x, int y, int w, int rows) {
        int labelWidth = 390;
        int plotX = x + labelWidth;
        int plotW = w - labelWidth;
        double lo = 0.25;
        double hi = 4;
        for (Bar b : bars) {
            lo = Math.min(lo, b.min() / 1.2);
            hi = Math.max(hi, b.max() * 1.2);
        }
        double logLo = Math.log(lo);
        double logHi = Math.log(hi);
        int top = y + 40;
        int bottom = top + rows * ROW;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(INK);
        g.drawString("Throughput ratio, subject ÷ baseline (log scale; > 1 = subject faster)", x, y + 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (double tick : new double[] {0.0625, 0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32}) {
            if (tick < lo || tick > hi) {
                continue;
            }
            int tx = plotX + (int) ((Math.log(tick) - logLo) / (logHi - logLo) * plotW);
            g.setColor(tick == 1 ? INK : GRID);
            g.drawLine(tx, top - 5, tx, bottom);
            g.setColor(INK);
            String text = trim(tick);
            g.drawString(text, tx - g.getFontMetrics().stringWidth(text) / 2, bottom + 18);
        }
        int row = 0;
        for (Bar b : bars) {
            int cy = top + row * ROW + ROW / 2;
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            drawRight(g, shorten(b.label(), g.getFontMetrics(), labelWidth - 12), plotX - 10, cy + 5);
            int x0 = plotX + (int) ((Math.log(1) - logLo) / (logHi - logLo) * plotW);
            int xm = plotX + (int) ((Math.log(b.median()) - logLo) / (logHi - logLo) * plotW);
            boolean missed = !Double.isNaN(b.target()) && b.median() < b.target();
            g.setColor(missed ? MISS : FETCHLET);
            g.fillRect(Math.min(x0, xm), cy - 9, Math.abs(xm - x0), 18);
            whisker(g, plotX, plotW, logLo, logHi, b.min(), b.max(), cy);
            if (!Double.isNaN(b.target())) {
                int tx = plotX + (int) ((Math.log(b.target()) - logLo) / (logHi - logLo) * plotW);
                g.setColor(TARGET);
                g.setStroke(new BasicStroke(3));
                g.drawLine(tx, cy - 13, tx, cy + 13);
                g.setStroke(new BasicStroke(1));
            }
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(String.format("%.2f", b.median()), Math.max(xm, x0) + 6 + (b.max() > b.median() ? whiskerGap(plotW, logLo, logHi, b) : 0), cy + 5);
            row++;
        }
        legend(g, x, bottom + 45);
    }

    /** Cold start medians in seconds, linear scale; the Node runtime's bar is grey. */
    static void coldPanel(Graphics2D g, List<Bar> bars, int x, int y, int w, int rows) {
        int labelWidth = 190;
        int plotX = x + labelWidth;
        int plotW = w - labelWidth - 40;
        double hi = 0.5;
        for (Bar b : bars) {
            hi = Math.max(hi, b.max() * 1.05);
            if (!Double.isNaN(b.target())) {
                hi = Math.max(hi, b.target() * 1.05);
            }
        }
        int top = y + 40;
        int bottom = top + rows * ROW;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(INK);
        g.drawString("Cold start: process start to first 200 (s)", x, y + 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        double step = niceStep(hi / 5);
        for (double t = 0; t <= hi; t += step) {
            int tx = plotX + (int) (t / hi * plotW);
            g.setColor(t == 0 ? INK : GRID);
            g.drawLine(tx, top - 5, tx, bottom);
            g.setColor(INK);
            String text = trim(t);
            g.drawString(text, tx - g.getFontMetrics().stringWidth(text) / 2, bottom + 18);
        }
        int row = 0;
        for (Bar b : bars) {
            int cy = top + row * ROW + ROW / 2;
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            drawRight(g, shorten(b.label(), g.getFontMetrics(), labelWidth - 12), plotX - 10, cy + 5);
            int xm = plotX + (int) (b.median() / hi * plotW);
            boolean fetchlet = b.label().startsWith("fetchlet");
            boolean missed = fetchlet && !Double.isNaN(b.target()) && b.median() > b.target();
            g.setColor(!fetchlet ? OTHER : missed ? MISS : FETCHLET);
            g.fillRect(plotX, cy - 9, xm - plotX, 18);
            g.setColor(INK);
            int x1 = plotX + (int) (b.min() / hi * plotW);
            int x2 = plotX + (int) (b.max() / hi * plotW);
            g.drawLine(x1, cy, x2, cy);
            g.drawLine(x1, cy - 5, x1, cy + 5);
            g.drawLine(x2, cy - 5, x2, cy + 5);
            if (fetchlet && !Double.isNaN(b.target())) {
                int tx = plotX + (int) (b.target() / hi * plotW);
                g.setColor(TARGET);
                g.setStroke(new BasicStroke(3));
                g.drawLine(tx, cy - 13, tx, cy + 13);
                g.setStroke(new BasicStroke(1));
            }
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(String.format("%.2f", b.median()), Math.max(xm, x2) + 6, cy + 5);
            row++;
        }
    }

    static void whisker(Graphics2D g, int plotX, int plotW, double logLo, double logHi, double min, double max, int cy) {
        int x1 = plotX + (int) ((Math.log(min) - logLo) / (logHi - logLo) * plotW);
        int x2 = plotX + (int) ((Math.log(max) - logLo) / (logHi - logLo) * plotW);
        g.setColor(INK);
        g.drawLine(x1, cy, x2, cy);
        g.drawLine(x1, cy - 5, x1, cy + 5);
        g.drawLine(x2, cy - 5, x2, cy + 5);
    }

    static int whiskerGap(int plotW, double logLo, double logHi, Bar b) {
        return (int) ((Math.log(b.max()) - Math.log(b.median())) / (logHi - logLo) * plotW);
    }

    static void legend(Graphics2D g, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int cx = x;
        cx = swatch(g, cx, y, FETCHLET, "median, target met or none");
        cx = swatch(g, cx, y, MISS, "median, target missed");
        cx = swatch(g, cx, y, OTHER, "peer");
        g.setColor(TARGET);
        g.setStroke(new BasicStroke(3));
        g.drawLine(cx, y - 12, cx, y + 2);
        g.setStroke(new BasicStroke(1));
        g.setColor(INK);
        g.drawString("target", cx + 8, y);
        g.drawString("├─┤ min–max of the per-round values", cx + 70, y);
    }

    static int swatch(Graphics2D g, int x, int y, Color color, String text) {
        g.setColor(color);
        g.fillRect(x, y - 11, 14, 12);
        g.setColor(INK);
        g.drawString(text, x + 20, y);
        return x + 30 + g.getFontMetrics().stringWidth(text);
    }

    static void drawRight(Graphics2D g, String text, int right, int baseline) {
        g.drawString(text, right - g.getFontMetrics().stringWidth(text), baseline);
    }

    static String shorten(String text, FontMetrics metrics, int width) {
        String s = text;
        while (metrics.stringWidth(s) > width && s.length() > 4) {
            s = s.substring(0, s.length() - 2) + "…";
            s = s.substring(0, s.length() - 1);
        }
        return s.length() < text.length() ? s + "…" : s;
    }

    static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 1000) / 1000.0);
    }
}
