import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Turns the benchmark scripts' result files into the tables BENCHMARKS.md quotes, and the ratios the chart
 * draws. Run by run-all.sh as a single-file program: {@code java src-test/bench/report/Summary.java DIR}.
 *
 * <p>In every wrk comparison the first contender of a round is the subject (Fetchlet, or JDK 25 for the
 * waiting benchmark) and each other one a baseline; a ratio is taken per round (the contenders of a round ran
 * back to back, under much the same machine load) and reported as the median and the range of those ratios.
 * Writes {@code summary.md} and {@code ratios.tsv} into DIR.
 */
public class Summary {
    record Row(String bench, String kase, String contender, int round, double rps, double p50, double p99,
               long errors, long non2xx, double rssKb, double load, double cpuUs) {
    }

    record ColdRow(String contender, int round, double ms, double rssKb, double load, double cpuMs) {
    }

    public static void main(String[] args) throws IOException {
        Locale.setDefault(Locale.ROOT);
        Path dir = Path.of(args.length > 0 ? args[0] : "src-test/target/bench/results");
        StringBuilder md = new StringBuilder();
        List<String> ratios = new ArrayList<>();
        ratios.add("group\tcomparison\tmetric\tmedian\tmin\tmax\ttarget");
        for (String name : List.of("hello", "peers", "stack", "bodies", "waiting")) {
            Path file = dir.resolve(name + ".tsv");
            if (Files.exists(file)) {
                wrkTables(readRows(file), md, ratios);
            }
        }
        Path cold = dir.resolve("coldstart.tsv");
        if (Files.exists(cold)) {
            coldTable(readCold(cold), md, ratios);
        }
        Path adaptation = dir.resolve("adaptation.tsv");
        if (Files.exists(adaptation)) {
            adaptationTable(Files.readAllLines(adaptation), md);
        }
        Files.writeString(dir.resolve("summary.md"), md);
        Files.write(dir.resolve("ratios.tsv"), ratios);
        System.out.print(md);
    }

    static List<Row> readRows(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            if (f.length < 11 || f[0].equals("bench")) {
                continue;
            }
            rows.add(new Row(f[0], f[1], f[2], Integer.parseInt(f[3]), d(f[4]), d(f[5]), d(f[6]),
                    Long.parseLong(f[7]), Long.parseLong(f[8]), d(f[9]), d(f[10]), f.length > 11 ? d(f[11]) : Double.NaN));
        }
        return rows;
    }

    static List<ColdRow> readCold(Path file) throws IOException {
        List<ColdRow> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            if (f.length < 7 || f[0].equals("bench")) {
                continue;
            }
            rows.add(new ColdRow(f[2], Integer.parseInt(f[3]), d(f[4]), d(f[5]), d(f[6]), f.length > 7 ? d(f[7]) : Double.NaN));
        }
        return rows;
    }

    static void wrkTables(List<Row> rows, StringBuilder md, List<String> ratios) {
        Map<String, List<Row>> cases = new LinkedHashMap<>();
        for (Row r : rows) {
            cases.computeIfAbsent(r.bench() + " / " + r.kase(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Row>> c : cases.entrySet()) {
            List<Row> all = c.getValue();
            Map<String, List<Row>> by = new LinkedHashMap<>();
            all.forEach(r -> by.computeIfAbsent(r.contender(), k -> new ArrayList<>()).add(r));
            md.append("\n#### ").append(c.getKey()).append("\n\n");
            md.append(String.format("Rounds: %d; load average (1 min) during the runs: %s%n%n",
                    all.stream().mapToInt(Row::round).max().orElse(0), range(all, Row::load, "%.1f")));
            md.append("| contender | req/s, median (min–max) | p50 ms | p99 ms, median (min–max) | socket errors | non-2xx | peak RSS MiB | server CPU µs/request |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (Map.Entry<String, List<Row>> e : by.entrySet()) {
                List<Row> rs = e.getValue();
                md.append(String.format("| %s | %s | %.2f | %s | %d | %d | %.0f | %.0f |%n", e.getKey(),
                        range(rs, Row::rps, "%.0f"), median(rs, Row::p50), range(rs, Row::p99, "%.2f"),
                        rs.stream().mapToLong(Row::errors).sum(), rs.stream().mapToLong(Row::non2xx).sum(),
                        median(rs, Row::rssKb) / 1024, median(rs, Row::cpuUs)));
            }
            List<String> names = new ArrayList<>(by.keySet());
            String subject = names.get(0);
            md.append("\n| ").append(subject).append(" against | throughput ratio, median (min–max) | p99 ratio, median (min–max) | peak RSS ratio | CPU/request ratio, median (min–max) |\n");
            md.append("|---|---|---|---|---|\n");
            for (String other : names.subList(1, names.size())) {
                double[] tput = perRound(by.get(subject), by.get(other), Row::rps);
                double[] p99 = perRound(by.get(other), by.get(subject), Row::p99); // subject ÷ other, inverted below
                for (int i = 0; i < p99.length; i++) {
                    p99[i] = 1 / p99[i];
                }
                double[] rss = perRound(by.get(subject), by.get(other), Row::rssKb);
                double[] cpu = perRound(by.get(subject), by.get(other), Row::cpuUs);
                md.append(String.format("| %s | %s | %s | %.2f | %s |%n", other, stats(tput), stats(p99), median(rss), stats(cpu)));
                String label = label(c.getKey(), subject, other);
                ratios.add(String.join("\t", group(c.getKey()), label, "throughput",
                        f(median(tput)), f(min(tput)), f(max(tput)), target(c.getKey(), other)));
                ratios.add(String.join("\t", group(c.getKey()), label, "p99",
                        f(median(p99)), f(min(p99)), f(max(p99)), "-"));
            }
        }
    }

    static void coldTable(List<ColdRow> rows, StringBuilder md, List<String> ratios) {
        Map<String, List<ColdRow>> by = new LinkedHashMap<>();
        rows.forEach(r -> by.computeIfAbsent(r.contender(), k -> new ArrayList<>()).add(r));
        md.append("\n#### coldstart / first 200\n\n");
        md.append(String.format("Runs per contender: %d; load average (1 min) at the starts: %s%n%n",
                rows.stream().mapToInt(ColdRow::round).max().orElse(0),
                range(rows.stream().map(r -> new Row("", "", "", 0, 0, 0, 0, 0, 0, 0, r.load(), 0)).toList(), Row::load, "%.1f")));
        md.append("| contender | first 200 ms, median (min–max) | ÷ node, median (min–max) | CPU ms until then, median | CPU ÷ node | idle RSS MiB, median |\n");
        md.append("|---|---|---|---|---|---|\n");
        List<ColdRow> node = by.getOrDefault("node", List.of());
        for (Map.Entry<String, List<ColdRow>> e : by.entrySet()) {
            double[] ms = e.getValue().stream().mapToDouble(ColdRow::ms).toArray();
            double[] vsNode = new double[0];
            if (!node.isEmpty()) {
                vsNode = e.getValue().stream()
                        .filter(r -> node.stream().anyMatch(n -> n.round() == r.round()))
                        .mapToDouble(r -> r.ms() / node.stream().filter(n -> n.round() == r.round()).findFirst().get().ms())
                        .toArray();
            }
            double cpu = median(e.getValue().stream().mapToDouble(ColdRow::cpuMs).toArray());
            double nodeCpu = median(node.stream().mapToDouble(ColdRow::cpuMs).toArray());
            md.append(String.format("| %s | %.0f (%.0f–%.0f) | %s | %.0f | %.2f | %.0f |%n", e.getKey(), median(ms), min(ms),
                    max(ms), vsNode.length == 0 ? "-" : stats(vsNode), cpu, cpu / nodeCpu,
                    median(e.getValue().stream().mapToDouble(ColdRow::rssKb).toArray()) / 1024));
            ratios.add(String.join("\t", "coldstart", e.getKey(), "first200_ms",
                    f(median(ms)), f(min(ms)), f(max(ms)), e.getKey().startsWith("fetchlet") && !node.isEmpty()
                            ? f(1.5 * median(node.stream().mapToDouble(ColdRow::ms).toArray())) : "-"));
        }
    }

    static void adaptationTable(List<String> lines, StringBuilder md) {
        md.append("\n#### adaptation (JMH, in-memory servlet objects)\n\n");
        md.append("| benchmark | ns/op | ± | bytes allocated/op |\n|---|---|---|---|\n");
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.split("\t");
            md.append("| ").append(String.join(" | ", f)).append(" |\n");
        }
    }

    static String group(String kase) {
        return kase.substring(0, kase.indexOf(' '));
    }

    static String label(String kase, String subject, String other) {
        return kase.replace(" / ", " ") + ": " + subject + " ÷ " + other;
    }

    /** The throughput targets of the issue: 0.90 of a raw servlet, ahead of the peers. */
    static String target(String kase, String other) {
        if (other.equals("raw") && kase.startsWith("hello")) {
            return "0.90";
        }
        if (kase.startsWith("peers") && (other.equals("gcf") || other.equals("node"))) {
            return "1.00";
        }
        return "-";
    }

    static double[] perRound(List<Row> a, List<Row> b, ToDoubleFunction<Row> metric) {
        List<Double> out = new ArrayList<>();
        for (Row x : a) {
            for (Row y : b) {
                // a run that served nothing (a server still starting, all requests timed out) has no ratio
                if (x.round() == y.round() && metric.applyAsDouble(y) > 0 && metric.applyAsDouble(x) > 0) {
                    out.add(metric.applyAsDouble(x) / metric.applyAsDouble(y));
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static String stats(double[] v) {
        return v.length == 0 ? "-" : String.format("%.2f (%.2f–%.2f)", median(v), min(v), max(v));
    }

    static String range(List<Row> rs, ToDoubleFunction<Row> metric, String format) {
        double[] v = rs.stream().mapToDouble(metric).toArray();
        return String.format(format + " (" + format + "–" + format + ")", median(v), min(v), max(v));
    }

    static double median(List<Row> rs, ToDoubleFunction<Row> metric) {
        return median(rs.stream().mapToDouble(metric).toArray());
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
        return s.isEmpty() || s.equals("nan") ? Double.NaN : Double.parseDouble(s);
    }

    static String f(double v) {
        return String.format("%.4f", v);
    }
}
