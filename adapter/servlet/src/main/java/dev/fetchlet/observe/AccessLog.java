package dev.fetchlet.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log: one JSON object per request, logged at INFO on the logger {@value #LOGGER} so a logging
 * configuration can route it to its own file or drop it. Jackson writes the line, so every control character
 * a client put in a path or a {@code User-Agent} is escaped and the line stays one line.
 *
 * <pre>{@code
 * {"time":"2026-01-02T03:04:05.678Z","method":"GET","path":"/api/users/7","route":"/api/users/[id]",
 *  "status":200,"bytes":18,"durationMs":1.234,"requestId":"…","traceId":"…","spanId":"…",
 *  "client":"127.0.0.1","userAgent":"curl/8.5.0"}
 * }</pre>
 */
final class AccessLog {
    /** The logger the lines go to. */
    static final String LOGGER = "dev.fetchlet.access";
    /** The setting that turns it on: {@code json}; {@code off} (the default) leaves it off. */
    static final String SETTING = "FUNC_ACCESS_LOG";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final JsonFactory JSON = new JsonFactory();

    private AccessLog() {
    }

    /**
     * Whether the setting's value turns the access log on.
     *
     * @throws IllegalArgumentException for a value that is neither {@code json} nor off, so a typo fails the
     *     deployment
     */
    static boolean enabled(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("json")) {
            return true;
        }
        if (v.equals("off") || v.equals("false") || v.equals("none")) {
            return false;
        }
        throw new IllegalArgumentException(SETTING + " must be json or off, not '" + value + "'");
    }

    /** One request's line; {@code route} and the ids may be null (no route claimed it, no trace). */
    record Entry(Instant time, String method, String path, String route, int status, long bytes, long nanos,
                 String requestId, String traceId, String spanId, String client, String userAgent) {
    }

    static void write(Entry e) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{}", json(e));
        }
    }

    static String json(Entry e) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", e.time().toString());
            g.writeStringField("method", e.method());
            g.writeStringField("path", e.path());
            g.writeStringField("route", e.route());
            g.writeNumberField("status", e.status());
            g.writeNumberField("bytes", e.bytes());
            g.writeNumberField("durationMs", Math.round(e.nanos() / 1_000.0) / 1_000.0);
            g.writeStringField("requestId", e.requestId());
            g.writeStringField("traceId", e.traceId());
            g.writeStringField("spanId", e.spanId());
            g.writeStringField("client", e.client());
            g.writeStringField("userAgent", e.userAgent());
            g.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a StringWriter does not fail
        }
        return out.toString();
    }
}
