package dev.fetchlet.it.harness;

import static dev.fetchlet.it.harness.ContainerKind.JETTY;
import static dev.fetchlet.it.harness.ContainerKind.LIBERTY;
import static dev.fetchlet.it.harness.ContainerKind.PAYARA;
import static dev.fetchlet.it.harness.ContainerKind.WILDFLY;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * What a server does differently with a malformed request, before any web app sees it (or after rewriting it),
 * where a WAR cannot change it: the server parses the request line and headers itself. Each one is listed,
 * with what an operator can do, in {@code docs/compatibility.md}.
 *
 * <p>A conformance test that meets one asks {@link #appliesTo} and then checks what still holds there (no
 * handler ran, no stack trace, the server keeps serving); where nothing sensible is left to check, it calls
 * {@link #skipOn}, which reports the test as skipped with the reason rather than passed.
 *
 * <pre>{@code
 * if (ServerDifference.BAD_PATH_ANSWERED_BY_SERVER.appliesTo(kind)) {
 *     assertEquals(0, calls(key));          // what must hold everywhere
 * } else {
 *     assertEquals(400, reply.status());    // the rule, on servers that leave it to Fetchlet
 * }
 * }</pre>
 */
public enum ServerDifference {
    /**
     * Payara's Grizzly never answers a request line that has no target ({@code GARBAGE}, NUL bytes, a bare
     * {@code GET}): it waits for more until the client gives up. Nothing reaches the WAR.
     */
    REQUEST_LINE_WITHOUT_TARGET_UNANSWERED(EnumSet.of(PAYARA),
            "Grizzly does not answer a request line without a target; the client times out"),
    /** Payara and Liberty read {@code HTTP/1.1 junk} as an unknown protocol version and answer 505, not 400. */
    JUNK_AFTER_VERSION_IS_505(EnumSet.of(PAYARA, LIBERTY),
            "the server answers 505 HTTP Version Not Supported to junk after the version"),
    /**
     * Payara's Grizzly answers a path with bad percent-encoding ({@code %zz}) or a dot-segment ({@code /x/..})
     * itself, with an empty 200, before any web app is chosen.
     */
    BAD_PATH_ANSWERED_BY_SERVER(EnumSet.of(PAYARA),
            "Grizzly answers bad percent-encoding and dot-segments itself with an empty 200"),
    /** Payara's Grizzly drops a header line without a colon and serves the request. */
    HEADER_WITHOUT_COLON_DROPPED(EnumSet.of(PAYARA),
            "Grizzly drops a header line without a colon and serves the request"),
    /** Payara's Grizzly answers a header with an empty name with its own 500 error page. */
    EMPTY_HEADER_NAME_IS_500(EnumSet.of(PAYARA),
            "Grizzly answers a header with an empty name with a 500 error page"),
    /** Liberty accepts a space between a header's name and its colon, which RFC 9112 §5.1 says to refuse. */
    SPACE_BEFORE_COLON_ACCEPTED(EnumSet.of(LIBERTY),
            "Liberty accepts whitespace between a header name and its colon"),
    /** Liberty upper-cases the method: {@code get} reaches the app as {@code GET}. */
    METHOD_UPPER_CASED(EnumSet.of(LIBERTY),
            "Liberty upper-cases method names before the app sees them"),
    /**
     * Liberty keeps one of two different {@code Content-Length} headers and serves the request; the app sees a
     * single, consistent length, so Fetchlet's own check cannot tell.
     */
    CONFLICTING_CONTENT_LENGTHS_MERGED(EnumSet.of(LIBERTY),
            "Liberty keeps one of two conflicting Content-Length headers and serves the request"),
    /**
     * The server's own error page, for a request it refuses before any web app runs, names the exception or
     * carries its stack trace: Liberty's 400 page for an encoded slash or dot-segment in the path, Payara's 500
     * page for a header with an empty name. No setting of these versions turns that off; Fetchlet's own replies
     * on these servers are still checked strictly.
     */
    SERVER_ERROR_PAGE_SHOWS_STACK_TRACE(EnumSet.of(PAYARA, LIBERTY),
            "the server's own error page for a request it refuses itself shows the exception"),
    /** Tyrus (Payara) closes an idle WebSocket with 1000 Normal Closure and a reason, not 1001 Going Away. */
    IDLE_WEBSOCKET_CLOSED_WITH_1000(EnumSet.of(PAYARA),
            "Tyrus closes an idle WebSocket with 1000 and a reason"),
    /**
     * Tomcat's chunked decoder skips a chunk extension without looking at its bytes (only its length is
     * bounded, by {@code maxExtensionSize}), so a NUL or another control byte in one ({@code 3;a\0b}) is
     * accepted and the body is delivered whole; a bare CR ends the line and is refused. The servlet API never
     * shows chunk extensions, so the WAR cannot tell.
     */
    CHUNK_EXTENSION_NOT_VALIDATED(EnumSet.of(ContainerKind.TOMCAT, ContainerKind.TOMCAT_10, LIBERTY),
            "the server does not validate the bytes of a chunk extension, and the WAR never sees them"),
    /** Payara's Grizzly answers 400 itself to any chunk extension, even a valid {@code 3;name=value}. */
    CHUNK_EXTENSION_REFUSED(EnumSet.of(PAYARA),
            "Grizzly refuses every chunk extension with its own 400"),
    /**
     * Payara's Grizzly does not check the CRLF after a chunk's data, and reads an empty chunk-size line as the
     * last chunk: {@code 3\r\nabcdef} delivers {@code abc}, and {@code 3\r\nabc0\r\n\r\n} leaves the handler
     * waiting for more until the wall-time limit answers 504.
     */
    LENIENT_CHUNK_FRAMING(EnumSet.of(PAYARA),
            "Grizzly does not check the line end after chunk data and reads an empty chunk size as the end"),
    /** Liberty does not validate trailer fields (a line without a colon, a NUL in a value) and drops them. */
    TRAILER_NOT_VALIDATED(EnumSet.of(LIBERTY),
            "Liberty does not validate trailer fields after the last chunk"),
    /**
     * Liberty never answers an empty chunk-size line or a chunk size too large for a number: the request stays
     * open until the client gives up. Nothing reaches a handler.
     */
    BAD_CHUNK_SIZE_UNANSWERED(EnumSet.of(LIBERTY),
            "Liberty does not answer an empty or overflowing chunk size; the client times out"),
    /**
     * When the client ends its output before the body is complete (a half-close), Payara's Grizzly closes the
     * connection without an answer.
     */
    HALF_CLOSE_UNANSWERED(EnumSet.of(PAYARA),
            "Grizzly closes the connection without an answer when the client stops sending mid-body"),
    /**
     * Liberty serves a request whose {@code Content-Length} is not a number ({@code abc}, {@code -1},
     * {@code +3}, a repeated value such as {@code 7, 7}), and hands the WAR no such header, so Fetchlet's own
     * checks, the body limit's included, cannot see it.
     */
    INVALID_CONTENT_LENGTH_IGNORED(EnumSet.of(LIBERTY),
            "Liberty serves a request with a Content-Length that is not a number and hides the header"),
    /** Liberty accepts {@code HTTP/11.1} as a version and serves the request. */
    VERSION_DIGITS_NOT_CHECKED(EnumSet.of(LIBERTY),
            "Liberty serves a request line with a malformed version such as HTTP/11.1"),
    /**
     * Payara's Grizzly reads a body that has both {@code Content-Length} and {@code Transfer-Encoding: chunked}
     * by its length, hides the {@code Transfer-Encoding} from the WAR, and parses the rest of the chunked body as
     * a second request on the same connection: a request smuggled past a proxy that went by
     * {@code Transfer-Encoding}. RFC 9112 §6.3 says to refuse such a message or to read it as chunked and close
     * the connection. Put a proxy in front that refuses both headers together.
     */
    CONTENT_LENGTH_WINS_OVER_CHUNKED(EnumSet.of(PAYARA),
            "Grizzly reads a body with both Content-Length and chunked by its length and the rest as a new request"),
    /**
     * Jetty 12.1 answers a request whose {@code Upgrade} header is not named in its {@code Connection} header
     * itself, with its own 400 page ("Invalid h2c upgrade headers"), before any web app runs: a WebSocket
     * handshake without {@code Connection: Upgrade} never reaches Fetchlet. The status is the rule's 400; only
     * the body is Jetty's HTML rather than Fetchlet's JSON.
     */
    UPGRADE_WITHOUT_CONNECTION_ANSWERED_BY_SERVER(EnumSet.of(JETTY),
            "Jetty answers an Upgrade header without Connection: Upgrade with its own 400 page"),
    /**
     * Payara's Grizzly drops the {@code Content-Length} of a reply that carries {@code Connection: Upgrade} (the
     * 426 of a WebSocket route, which RFC 9110 section 7.8 says must name {@code Upgrade} there) and may keep the
     * connection open after it, so a client only finds the body's end when the server closes or goes quiet.
     */
    UPGRADE_REPLY_WITHOUT_LENGTH(EnumSet.of(PAYARA),
            "Grizzly drops the Content-Length of a reply carrying Connection: Upgrade"),
    /**
     * WildFly's Undertow does not refuse malformed header lines: a line without a colon becomes a header with an
     * empty value, a space before the colon is dropped, {@code : no name} becomes a header named {@code no}, and
     * a bare CR in a value ends the line, so {@code X-A: a\rb} reaches the WAR as two headers, {@code X-A} and
     * {@code b}. The request is served; RFC 9112 sections 2.2 and 5.1 say to refuse it.
     */
    HEADER_LINES_NOT_VALIDATED(EnumSet.of(WILDFLY),
            "Undertow serves header lines without a colon, with an empty name, a space before the colon or a bare CR"),
    /**
     * WildFly's Undertow gives an HTTP/1.1 request without {@code Host} one of its own, the virtual host's name
     * and port ({@code default-host:8080}), before the WAR sees it, so Fetchlet's 400 cannot apply.
     */
    MISSING_HOST_FILLED_IN(EnumSet.of(WILDFLY),
            "Undertow fills in a missing Host header with its virtual host's name"),
    /**
     * WildFly's Undertow answers a request target that does not start with {@code /}
     * ({@code GET conformance/x HTTP/1.1}) with its own 500 page ("Servlet path match failed" in its log), not
     * 400; no web app runs.
     */
    TARGET_WITHOUT_SLASH_IS_500(EnumSet.of(WILDFLY),
            "Undertow answers a request target without a leading slash with its own 500 page"),
    /**
     * WildFly's Undertow answers a {@code Content-Length} above its listener's {@code max-post-size} (10 MB in
     * the default {@code standalone.xml}) with its own empty 400 before the WAR runs, not 413. Bodies between the
     * WAR's limit and 10 MB get Fetchlet's 413.
     */
    BODY_OVER_SERVER_LIMIT_IS_400(EnumSet.of(WILDFLY),
            "Undertow answers a Content-Length above its max-post-size (10 MB) with an empty 400"),
    /**
     * WildFly's Undertow closes the connection without an answer when a chunked body is malformed (a chunk size
     * that is not hex, empty, negative or too large, a trailer line without a colon) or ends early; the WAR's
     * read fails and its 400 is never sent.
     */
    MALFORMED_CHUNKED_BODY_UNANSWERED(EnumSet.of(WILDFLY),
            "Undertow closes the connection without an answer on a malformed or truncated chunked body"),
    /**
     * WildFly's Undertow does not check the CRLF after a chunk's data ({@code 3\r\nabcdef} delivers {@code abc},
     * {@code 3\r\nabc0} leaves the handler waiting until the wall-time limit), skips chunk extensions unread (a
     * NUL or bare CR in one is accepted) and drops trailer fields without checking their values.
     */
    LENIENT_CHUNKED_PARSER(EnumSet.of(WILDFLY),
            "Undertow does not check chunk data line ends, chunk extensions or trailer values"),
    /**
     * Payara's web class loader asks its parent first, and Payara Micro's parent exposes its own Jackson (2.20
     * in 6.2025.10): the WAR's classes, Fetchlet's JSON included, run on that Jackson rather than the copy in
     * {@code WEB-INF/lib}. SLF4J and Logback stay the WAR's. The example's JSON behaves the same on both versions
     * (the whole suite passes there).
     */
    SERVER_JACKSON_AHEAD_OF_THE_WARS(EnumSet.of(PAYARA),
            "Payara's class loader delegates to its parent first, so the WAR runs on Payara's own Jackson");

    private final Set<ContainerKind> kinds;
    private final String reason;

    ServerDifference(Set<ContainerKind> kinds, String reason) {
        this.kinds = kinds;
        this.reason = reason;
    }

    /** Whether {@code kind} behaves this way. */
    public boolean appliesTo(ContainerKind kind) {
        return kinds.contains(kind);
    }

    /** Aborts the calling test on the servers that behave this way, with the reason in the report. */
    public void skipOn(ContainerKind kind) {
        Assumptions.assumeFalse(appliesTo(kind),
                () -> kind + ": " + reason + " (server behaviour, see docs/compatibility.md)");
    }
}
