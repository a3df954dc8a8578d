package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * The launcher's reading of a request head: Jetty's parser in the launcher's strict compliance mode, with
 * {@link CaseSensitiveVersionParser}'s version check and {@link HeaderTimeoutConnectionFactory}'s header field
 * count (a limit of {@value #LIMIT} here), on an in-memory connection. Heads are built from the pieces that
 * matter (methods, targets, versions in any case, line ends, field names and values, field counts around the
 * limit) mixed with arbitrary text. What must hold for every head:
 * <ul>
 *   <li>no 500: nothing the client sends makes the parser's wrappers throw;</li>
 *   <li>the app never sees more header fields than the limit;</li>
 *   <li>the app never sees a request whose version is not written {@code HTTP/} in upper case;</li>
 *   <li>every answer is a well-formed status line.</li>
 * </ul>
 */
class RequestHeadFuzzTest {
    private static final int LIMIT = 6;
    private static final String[] METHODS = {"GET", "POST", "HEAD", "OPTIONS", "get", "G(T", "", "PUT"};
    private static final String[] TARGETS = {"/", "/a?b=c", "*", "http://h/x", "/%zz", "/a b", "//x"};
    private static final String[] VERSIONS = {"HTTP/1.1", "HTTP/1.0", "http/1.1", "HtTp/1.1", "HTTP/2.5", "HTTP/1.1 x",
        ""};
    private static final String[] LINE_ENDS = {"\r\n", "\r\n", "\r\n", "\n", "\r"};
    private static final String[] NAMES = {"Host", "X-A", "x-a", "Content-Length", "Transfer-Encoding", "Connection",
        "Expect", "Bad Name", "", "X-\u00e9"};
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3}) ", Pattern.MULTILINE);
    private static final LocalConnector CONNECTOR = start();

    private static LocalConnector start() {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setHttpCompliance(HttpCompliance.STRICT); // as FetchletServer
        LocalConnector connector = new LocalConnector(server,
            new HeaderTimeoutConnectionFactory(http, Duration.ofSeconds(10), LIMIT));
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String version = request.getConnectionMetaData().getHttpVersion().asString();
                Content.Sink.write(response, true, "fields=" + request.getHeaders().size() + " version=" + version,
                    callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return connector;
    }

    @FuzzTest(maxDuration = "15s")
    void everyHeadIsAnsweredWithinTheRules(FuzzedDataProvider data) throws Exception {
        // Each choice falls back to a well-formed piece when the input runs out (the provider then answers 0, false
        // and ""), so that even the short inputs a run starts with make valid heads of any field count: "GET /
        // HTTP/1.1", "Host", "Host1", "Host2", ...
        String eol = data.pickValue(LINE_ENDS);
        StringBuilder head = new StringBuilder();
        head.append(data.pickValue(METHODS)).append(' ')
            .append(data.consumeBoolean() ? "/" + data.consumeString(12) : data.pickValue(TARGETS))
            .append(' ').append(data.consumeBoolean() ? data.consumeString(10) : data.pickValue(VERSIONS)).append(eol);
        int fields = data.consumeInt(0, 3 * LIMIT);
        for (int i = 0; i < fields; i++) {
            String name = data.consumeBoolean() ? data.consumeString(8)
                : data.pickValue(NAMES) + (i == 0 || data.consumeBoolean() ? "" : Integer.toString(i));
            head.append(name).append(data.consumeBoolean() ? ":" : ": ").append(data.consumeString(16)).append(eol);
        }
        head.append(eol).append(data.consumeRemainingAsString());

        LocalConnector.LocalEndPoint endPoint = CONNECTOR.executeRequest(head.toString());
        endPoint.addInputEOF();
        endPoint.waitUntilClosedOrIdleFor(2, TimeUnit.SECONDS);
        String out = endPoint.takeOutputString();
        if (out.isEmpty()) {
            return; // nothing that began a request: the connection just ends
        }
        Matcher status = STATUS_LINE.matcher(out);
        assertTrue(status.find() && status.start() == 0, () -> "not a status line: " + out);
        do {
            int code = Integer.parseInt(status.group(1));
            assertFalse(code >= 500 && code != 501 && code != 505, () -> "server error for\n" + head + "\n->\n" + out);
        } while (status.find());
        Matcher seen = Pattern.compile("fields=(\\d+) version=(\\S+)").matcher(out);
        while (seen.find()) {
            assertTrue(Integer.parseInt(seen.group(1)) <= LIMIT, () -> "the app saw too many fields:\n" + head);
            assertEquals("HTTP/", seen.group(2).substring(0, 5), () -> "the app saw a bad version:\n" + head);
        }
    }
}
