package dev.fetchlet.it.conformance;

import dev.fetchlet.it.harness.ServerDifference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One case of the malformed-input corpus, {@code src/test/resources/conformance/malformed-http.txt}: a raw
 * request and the status it must get. The file's header describes the format; adding a case is adding a line.
 *
 * <pre>{@code
 * for (MalformedCase c : MalformedCase.load("chunked")) {
 *     RawResponse r = wire().send(c.bytes(key));
 *     assertTrue(c.expected().contains(r.status()));
 * }
 * }</pre>
 *
 * @param halfClose the client ends its output after the request: the body stops before its declared end
 * @param differences server behaviours that may decide this case instead of Fetchlet
 * @param launcher the embedded Jetty launcher's own request-line parsing decides this case
 * @param noHandler the counted request must never run, whatever the status (a request smuggled in a body)
 */
record MalformedCase(String name, String category, Set<Integer> expected, boolean halfClose,
                     Set<ServerDifference> differences, boolean launcher, boolean noHandler, String raw) {
    static final String CORPUS = "/conformance/malformed-http.txt";
    static final String HEAD = "Host: conformance.test\r\nConnection: close\r\n";

    /** The cases of one category, in file order. */
    static List<MalformedCase> load(String category) {
        return all().stream().filter(c -> c.category.equals(category)).collect(Collectors.toList());
    }

    static List<MalformedCase> all() {
        try (InputStream in = MalformedCase.class.getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new IllegalStateException(CORPUS + " is not on the test classpath");
            }
            List<MalformedCase> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    cases.add(parse(line));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MalformedCase parse(String line) {
        String[] f = line.split("(?<!\\\\)\\|", 5);
        if (f.length != 5) {
            throw new IllegalArgumentException("a corpus line has five '|'-separated fields: " + line);
        }
        Set<Integer> expected = Arrays.stream(f[2].trim().split("/")).map(s -> Integer.valueOf(s.trim()))
                .collect(Collectors.toSet());
        boolean halfClose = false;
        boolean launcher = false;
        boolean noHandler = false;
        Set<ServerDifference> differences = EnumSet.noneOf(ServerDifference.class);
        for (String option : f[3].trim().split(",")) {
            String o = option.trim();
            if (o.equals("half-close")) {
                halfClose = true;
            } else if (o.equals("launcher")) {
                launcher = true;
            } else if (o.equals("no-handler")) {
                noHandler = true;
            } else if (o.startsWith("difference=")) {
                differences.add(ServerDifference.valueOf(o.substring("difference=".length())));
            } else if (!o.equals("-")) {
                throw new IllegalArgumentException("unknown option '" + o + "' in: " + line);
            }
        }
        return new MalformedCase(f[0].trim(), f[1].trim(), expected, halfClose, differences, launcher, noHandler,
                f[4].trim());
    }

    /** Whether the request goes to {@code /conformance/count}, so that its handler calls can be counted. */
    boolean counts() {
        return raw.contains("{key}");
    }

    /** Whether the case expects the request to be refused (only 4xx/5xx statuses listed). */
    boolean refused() {
        return expected.stream().allMatch(s -> s >= 400);
    }

    /** The first of this case's server behaviours that {@code kind} shows, or null. */
    ServerDifference differenceOn(dev.fetchlet.it.harness.ContainerKind kind) {
        return differences.stream().filter(d -> d.appliesTo(kind)).findFirst().orElse(null);
    }

    /** The request's bytes, with {@code key} for {@code {key}}. */
    byte[] bytes(String key) {
        String text = raw.replace("{head}", HEAD).replace("{key}", key);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '\\', '|' -> out.write(n);
                case 'x' -> {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + n + " in case " + name);
            }
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return category + "/" + name;
    }
}
