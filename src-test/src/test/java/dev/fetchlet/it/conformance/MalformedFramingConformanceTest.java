package dev.fetchlet.it.conformance;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §4, malformed framing and bodies, from the corpus in {@code conformance/malformed-http.txt} (RFC 9112):
 * request lines, header fields, Content-Length against Transfer-Encoding, chunked coding with its extensions and
 * trailers, bodies that end early, invalid UTF-8 in bodies read as text, JSON or a form, and JSON that does not
 * bind. Every malformed body a handler reads answers 400, never 500; no reply names a class.
 */
@OnEachContainer
class MalformedFramingConformanceTest extends MalformedCorpusTest {
    MalformedFramingConformanceTest(ContainerKind kind) {
        super(kind);
    }

    static List<MalformedCase> requestLine() {
        return MalformedCase.load("request-line");
    }

    static List<MalformedCase> header() {
        return MalformedCase.load("header");
    }

    static List<MalformedCase> length() {
        return MalformedCase.load("length");
    }

    static List<MalformedCase> chunked() {
        return MalformedCase.load("chunked");
    }

    static List<MalformedCase> earlyEof() {
        return MalformedCase.load("early-eof");
    }

    static List<MalformedCase> utf8() {
        return MalformedCase.load("utf8");
    }

    static List<MalformedCase> binding() {
        return MalformedCase.load("binding");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestLine")
    void requestLine(MalformedCase c) throws IOException {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("header")
    void headerField(MalformedCase c) throws IOException {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("length")
    void contentLengthAndTransferEncoding(MalformedCase c) throws IOException {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chunked")
    void chunkedCoding(MalformedCase c) throws IOException {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("earlyEof")
    void bodyEndsEarly(MalformedCase c) throws IOException {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("utf8")
    void utf8Body(MalformedCase c) throws IOException {
        check(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binding")
    void jsonBinding(MalformedCase c) throws IOException {
        check(c);
    }

    /**
     * A client that sends half a body and hangs up gets no answer, since nobody is left to read one; the server
     * must shrug it off (no 500, no ERROR in the log; the answer attempt fails quietly) and keep serving.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/conformance/echo/text", "/api/echo", "/conformance/form", "/conformance/body"})
    void clientThatHangsUpMidBodyLeavesTheServerServing(String path) throws Exception {
        for (String framing : List.of("Content-Length: 100\r\n\r\nabc", "Transfer-Encoding: chunked\r\n\r\n64\r\nabc")) {
            String raw = "POST " + path + " HTTP/1.1\r\n" + MalformedCase.HEAD
                    + "Content-Type: application/x-www-form-urlencoded\r\n" + framing;
            try (Socket s = wire().open()) {
                s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                Thread.sleep(100); // let the handler start reading before the connection goes
                s.setSoLinger(true, 0); // a reset, as from a client that crashed
            }
        }
        assertStillServing();
    }
}
