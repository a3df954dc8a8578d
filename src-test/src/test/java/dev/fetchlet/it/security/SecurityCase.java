package dev.fetchlet.it.security;

import dev.fetchlet.it.harness.ServerDifference;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One line of {@code security/cases.txt}: a raw request and the status it must get. The placeholders are filled
 * in for the server at hand by {@link #request(int)}.
 *
 * <pre>{@code
 * for (SecurityCase c : SecurityCase.load("ws-origin")) {
 *     byte[] raw = c.request(port);
 * }
 * }</pre>
 *
 * @param name     the case's name, unique in the file
 * @param category what it defends (a heading of docs/security.md)
 * @param status   the status it must get
 * @param options  the options column, split at commas
 * @param raw      the request as written, escapes decoded, placeholders still in place
 */
record SecurityCase(String name, String category, int status, Set<String> options, String raw) {
    private static final String RESOURCE = "/security/cases.txt";
    /** A valid handshake's fields (RFC 6455 section 1.3's sample key). */
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String HANDSHAKE = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + KEY
            + "\r\nSec-WebSocket-Version: 13\r\n";

    /** Every case of {@code category}, in file order. */
    static List<SecurityCase> load(String category) {
        List<SecurityCase> cases = new ArrayList<>();
        try (InputStream in = SecurityCase.class.getResourceAsStream(RESOURCE);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                SecurityCase c = parse(line);
                if (c.category.equals(category)) {
                    cases.add(c);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no cases of category " + category + " in " + RESOURCE);
        }
        return cases;
    }

    private static SecurityCase parse(String line) {
        List<String> columns = splitColumns(line);
        if (columns.size() != 5) {
            throw new IllegalStateException("expected 5 columns in: " + line);
        }
        String options = columns.get(3).strip();
        return new SecurityCase(columns.get(0).strip(), columns.get(1).strip(), Integer.parseInt(columns.get(2).strip()),
                options.equals("-") ? Set.of() : Set.of(options.split(",")), unescape(columns.get(4).strip()));
    }

    boolean has(String option) {
        return options.contains(option);
    }

    /** The server differences the options name ({@code difference=NAME}): servers that answer the case themselves. */
    List<ServerDifference> differences() {
        return options.stream().filter(o -> o.startsWith("difference="))
                .map(o -> ServerDifference.valueOf(o.substring("difference=".length()))).toList();
    }

    /** The request for a server on {@code port}; {@code {key}} and {@code {room}} get fresh values each call. */
    byte[] request(int port) {
        return request(port, "key-" + UUID.randomUUID());
    }

    /** The request with {@code key} as the counter key. */
    byte[] request(int port, String key) {
        String text = raw.replace("{ws}", HANDSHAKE)
                .replace("{self}", "127.0.0.1:" + port)
                .replace("{port}", String.valueOf(port))
                .replace("{key}", key)
                .replace("{room}", "room-" + UUID.randomUUID())
                .replace("{digits}", "1".repeat(1_000_000))
                .replace("{deep}", "[".repeat(100_000));
        int bodyStart = text.indexOf("\r\n\r\n") + 4;
        int length = text.substring(bodyStart).getBytes(StandardCharsets.ISO_8859_1).length;
        return text.replace("{len}", String.valueOf(length)).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return name;
    }

    // '|' separates columns unless escaped as '\|'.
    private static List<String> splitColumns(String line) {
        List<String> columns = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(c).append(line.charAt(++i));
            } else if (c == '|' && columns.size() < 4) {
                columns.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        columns.add(current.toString());
        return columns;
    }

    private static String unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.write(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case '\\' -> out.write('\\');
                case '|' -> out.write('|');
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalStateException("unknown escape \\" + next + " in: " + s);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
