import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Turns the pinned head-to-head's rows ({@code head-to-head.tsv}, written by head-to-head.sh) into the table
 * BENCHMARKS.md quotes and the ratios the chart draws. In each case the first contender is the reference (plain
 * Jetty); every other contender's throughput and CPU per request are divided by the reference's within each
 * round (they ran back to back) and reported as the median and min–max of those per-round ratios. Where a case
 * has both {@code X-jdk17} and {@code X-jdk25}, the JDK 25 CPU per request is also divided by JDK 17's; where it
 * has {@value #LIKE_FOR_LIKE}, each Fetchlet contender is also divided by that one.
 *
 * <p>{@code java src-test/bench/report/HeadToHead.java DIR} writes {@code DIR/head-to-head.md} and
 * {@code DIR/head-to-head-ratios.tsv} (Chart.java's input) and prints the Markdown. With
 * {@code --into BENCHMARKS.md} it also puts the tables, the machine ({@code DIR/machine.txt}) and a link to the
 * recorded chart between that file's {@value #BEGIN} and {@value #END} lines.
 */
public class HeadToHead {
    /** Fetchlet's targets against plain Jetty (issue: performance): throughput at least, CPU at most. */
    static final double THROUGHPUT_TARGET = 0.97;
    static final double CPU_TARGET = 1.05;
    /** Plain Jetty answering with the example's header fields as well: the like-for-like comparison. */
    static final String LIKE_FOR_LIKE = "plain-headers";
    static final String BEGIN = "<!-- head-to-head figures: begin -->";
    static final String END = "<!-- head-to-head figures: end -->";

    /** One wrk run; {@code sysUs} is the kernel's part of {@code cpuUs} (NaN in rows from before it was read). */
    record Row(String kase, String contender, int round, double rps, long errors, long non2xx, double load,
               double cpuUs, double sysUs) {
        double userUs() {
            return cpuUs - sysUs;
        }
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        Path dir = Path.of(args.length > 0 ? args[0] : "src-test/target/bench/results");
        Map<String, Map<String, List<Row>>> cases = new LinkedHashMap<>();
        for (Row r : read(dir.resolve("head-to-head.tsv"))) {
            cases.computeIfAbsent(r.kase(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.contender(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder md = new StringBuilder();
        List<String> chart = new ArrayList<>();
        chart.add("group\tcomparison\tmetric\tmedian\tmin\tmax\ttarget");
        md.append("| case | contender | req/s, median (min–max) | CPU µs/request, median (min–max) "
                + "| throughput ÷ reference | CPU/request ÷ reference | errors, non-2xx |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        List<String> jdkLines = new ArrayList<>();
        List<String> likeLines = new ArrayList<>();
        List<String> splitLines = new ArrayList<>();
        double load = 0;
        int loads = 0;
        int rounds = 0;
        for (Map.Entry<String, Map<String, List<Row>>> c : cases.entrySet()) {
            Map<String, List<Row>> by = c.getValue();
            String reference = by.keySet().iterator().next();
            for (Map.Entry<String, List<Row>> e : by.entrySet()) {
                List<Row> rs = e.getValue();
                rounds = Math.max(rounds, rs.size());
                for (Row r : rs) {
                    load += r.load();
                    loads++;
                }
                String tput = "reference";
                String cpu = "reference";
                if (!e.getKey().equals(reference)) {
                    double[] t = perRound(rs, by.get(reference), Row::rps);
                    double[] u = perRound(rs, by.get(reference), Row::cpuUs);
                    tput = stats(t);
                    cpu = stats(u);
                    String label = c.getKey() + ": " + e.getKey() + " ÷ " + reference;
                    chart.add(String.join("\t", c.getKey(), label, "throughput",
                            f(median(t)), f(min(t)), f(max(t)),
                            e.getKey().startsWith("fetchlet") ? f(THROUGHPUT_TARGET) : "-"));
                    chart.add(String.join("\t", c.getKey(), label, "cpu",
                            f(median(u)), f(min(u)), f(max(u)), e.getKey().startsWith("fetchlet") ? f(CPU_TARGET) : "-"));
                }
                md.append(String.format("| %s | %s | %s | %s | %s | %s | %d, %d |%n", c.getKey(), e.getKey(),
                        range(rs, Row::rps, "%.0f"), range(rs, Row::cpuUs, "%.1f"), tput, cpu,
                        rs.stream().mapToLong(Row::errors).sum(), rs.stream().mapToLong(Row::non2xx).sum()));
            }
            for (String name : by.keySet()) {
                splitLines.add(split(c.getKey(), name, by.get(name), by.get(reference), name.equals(reference)));
                if (name.startsWith("fetchlet") && by.containsKey(LIKE_FOR_LIKE)) {
                    List<Row> like = by.get(LIKE_FOR_LIKE);
                    likeLines.add(String.format("| %s | %s ÷ %s | %s | %s |", c.getKey(), name, LIKE_FOR_LIKE,
                            stats(perRound(by.get(name), like, Row::rps)),
                            stats(perRound(by.get(name), like, Row::cpuUs))));
                }
                String jdk17 = name.replace("-jdk25", "-jdk17");
                if (name.contains("-jdk25") && by.containsKey(jdk17)) {
                    double[] u = perRound(by.get(name), by.get(jdk17), Row::cpuUs);
                    jdkLines.add(String.format("| %s | %s ÷ %s | %s | %.2f |", c.getKey(), name, jdk17, stats(u),
                            CPU_TARGET));
                }
            }
        }
        if (!jdkLines.isEmpty()) {
            md.append("\n| case | CPU per request | median (min–max) | target (at most) |\n|---|---|---|---|\n");
            jdkLines.forEach(l -> md.append(l).append('\n'));
        }
        if (!likeLines.isEmpty()) {
            md.append("\nLike for like: against `" + LIKE_FOR_LIKE + "`, plain Jetty sending the same header fields as "
                    + "the example's answer (what is left is Fetchlet's own cost; not the targets' reference).\n\n"
                    + "| case | ratio | throughput, median (min–max) | CPU per request, median (min–max) |\n"
                    + "|---|---|---|---|\n");
            likeLines.forEach(l -> md.append(l).append('\n'));
        }
        boolean splitRead = cases.values().stream().flatMap(by -> by.values().stream()).flatMap(List::stream)
                .noneMatch(r -> Double.isNaN(r.sysUs()));
        if (splitRead) {
            md.append("\nWhere the CPU per request goes: user space (the JVM) and the kernel (system time: the network "
                    + "stack, wake-ups, scheduling), medians of the rounds; the differences are to the reference in the "
                    + "same round.\n\n| case | contender | user µs | kernel µs | user − reference | kernel − reference |\n"
                    + "|---|---|---|---|---|---|\n");
            splitLines.forEach(l -> md.append(l).append('\n'));
        }
        md.append(String.format("%nRounds per contender: %d; load average (1 min) during the runs, mean: %.1f. "
                + "Targets (Fetchlet ÷ plain Jetty): throughput ≥ %.2f, CPU per request ≤ %.2f.%n",
                rounds, loads == 0 ? 0 : load / loads, THROUGHPUT_TARGET, CPU_TARGET));
        Files.writeString(dir.resolve("head-to-head.md"), md);
        Files.write(dir.resolve("head-to-head-ratios.tsv"), chart);
        System.out.print(md);
        if (args.length > 2 && args[1].equals("--into")) {
            publish(dir, Path.of(args[2]), md.toString());
        }
    }

    /** Replaces the figures between the markers of {@code doc} with this run's. */
    static void publish(Path dir, Path doc, String tables) throws IOException {
        String text = Files.readString(doc);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(doc + " has no " + BEGIN + " ... " + END + " block");
        }
        StringBuilder block = new StringBuilder(BEGIN).append("\n\nMachine and load (`src-test/bench/recorded/head-to-head-machine.txt`):\n\n");
        Path machine = dir.resolve("machine.txt");
        if (Files.exists(machine)) {
            for (String line : Files.readAllLines(machine)) {
                block.append("- ").append(line).append('\n');
            }
        }
        block.append('\n').append(tables).append("\n![Pinned head-to-head](src-test/bench/recorded/head-to-head.png)\n\n");
        Files.writeString(doc, text.substring(0, begin) + block + text.substring(end));
    }

    // One contender's user and kernel CPU per request, and their differences to the reference's in each round.
    static String split(String kase, String name, List<Row> rows, List<Row> reference, boolean isReference) {
        double[] user = rows.stream().mapToDouble(Row::userUs).toArray();
        double[] sys = rows.stream().mapToDouble(Row::sysUs).toArray();
        String userDiff = "reference";
        String sysDiff = "reference";
        if (!isReference) {
            userDiff = String.format("%+.1f", median(difference(rows, reference, Row::userUs)));
            sysDiff = String.format("%+.1f", median(difference(rows, reference, Row::sysUs)));
        }
        return String.format("| %s | %s | %.1f | %.1f | %s | %s |", kase, name, median(user), median(sys), userDiff,
                sysDiff);
    }

    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            if (f.length < 12 || f[0].equals("bench")) {
                continue;
            }
            rows.add(new Row(f[1], f[2], Integer.parseInt(f[3]), d(f[4]), Long.parseLong(f[7]), Long.parseLong(f[8]),
                    d(f[10]), d(f[11]), f.length > 12 ? d(f[12]) : Double.NaN));
        }
        return rows;
    }

    /** a ÷ b for each round both ran, skipping rounds where b measured nothing. */
    static double[] perRound(List<Row> a, List<Row> b, ToDoubleFunction<Row> metric) {
        return byRound(a, b, metric, (x, y) -> y > 0 ? x / y : Double.NaN);
    }

    /** a − b for each round both ran. */
    static double[] difference(List<Row> a, List<Row> b, ToDoubleFunction<Row> metric) {
        return byRound(a, b, metric, (x, y) -> x - y);
    }

    // combine(a, b) of the metric for each round both ran; NaN results (nothing to compare) are left out.
    static double[] byRound(List<Row> a, List<Row> b, ToDoubleFunction<Row> metric, DoubleBinaryOperator combine) {
        List<Double> out = new ArrayList<>();
        for (Row x : a) {
            for (Row y : b) {
                if (x.round() == y.round()) {
                    double v = combine.applyAsDouble(metric.applyAsDouble(x), metric.applyAsDouble(y));
                    if (!Double.isNaN(v)) {
                        out.add(v);
                    }
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String range(List<Row> rows, ToDoubleFunction<Row> metric, String format) {
        double[] v = rows.stream().mapToDouble(metric).toArray();
        return String.format(format + " (" + format + "–" + format + ")", median(v), min(v), max(v));
    }

    static String stats(double[] v) {
        return v.length == 0 ? "–" : String.format("%.2f (%.2f–%.2f)", median(v), min(v), max(v));
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    static double d(String s) {
        return Double.parseDouble(s);
    }

    static String f(double v) {
        return String.format("%.4f", v);
    }
}
