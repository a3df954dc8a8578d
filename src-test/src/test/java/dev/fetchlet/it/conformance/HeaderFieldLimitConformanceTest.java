package dev.fetchlet.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The header field limit ({@code FUNC_MAX_HEADER_FIELDS}; 60 for this suite, set by surefire, below the counts
 * the containers refuse by themselves, such as Tomcat's 100): a request with more fields is answered 431 (RFC 6585
 * section 5) with Fetchlet's JSON error, and no handler runs. On the launcher Jetty's parser refuses the field
 * past the limit; elsewhere the dispatcher counts the fields as it reads them.
 */
@OnEachContainer
class HeaderFieldLimitConformanceTest extends ConformanceTest {
    private static final int LIMIT = 60;
    /** {@link Wire#request} sends {@code Host} and {@code Connection} itself. */
    private static final int SENT_BY_WIRE = 2;

    HeaderFieldLimitConformanceTest(ContainerKind kind) {
        super(kind);
    }

    @AfterEach
    void serverStillAnswers() {
        assertStillServing();
    }

    private static String[] fields(int count, IntFunction<String> line) {
        return IntStream.range(0, count).mapToObj(line).toArray(String[]::new);
    }

    @Test
    void aRequestWithAsManyFieldsAsTheLimitIsServed() throws Exception {
        String key = freshKey();
        RawResponse r = wire().send(Wire.request("GET", "/conformance/count/hit?key=" + key,
                fields(LIMIT - SENT_BY_WIRE, i -> "X-Field-" + i + ": " + i)));
        assertEquals(200, r.status(), r.toString());
        assertEquals(1, calls(key));
    }

    @Test
    void oneDistinctFieldMoreIs431AndReachesNoHandler() throws Exception {
        String key = freshKey();
        RawResponse r = wire().send(Wire.request("GET", "/conformance/count/hit?key=" + key,
                fields(LIMIT - SENT_BY_WIRE + 1, i -> "X-Field-" + i + ": " + i)));
        assertRefused(r, key);
    }

    @Test
    void fieldsOfOneNameCountOneEach() throws Exception {
        String key = freshKey();
        RawResponse r = wire().send(Wire.request("GET", "/conformance/count/hit?key=" + key,
                fields(LIMIT - SENT_BY_WIRE + 1, i -> "X-Same: " + i)));
        assertRefused(r, key);
    }

    @Test
    void theLimitHoldsOnAPostWithABodyAndOnAnUnroutedPath() throws Exception {
        String key = freshKey();
        String[] many = fields(LIMIT, i -> "X-Field-" + i + ": " + i);
        String head = Wire.request("POST", "/conformance/count/hit?key=" + key, many);
        String body = "{\"a\":1}";
        String post = head.substring(0, head.length() - 2) + "Content-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
        assertRefused(wire().send(post), key);

        RawResponse unrouted = wire().send(Wire.request("GET", "/no/route/here", many));
        assertEquals(431, unrouted.status(), unrouted.toString());
        BadInputConformanceTest.assertNoStackTrace(unrouted);
    }

    private void assertRefused(RawResponse r, String key) {
        assertEquals(431, r.status(), r.toString());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.toString());
        assertEquals("Request Header Fields Too Large", json(r.text()).get("error").asText(), r.toString());
        BadInputConformanceTest.assertNoStackTrace(r);
        assertEquals(0, calls(key), "a handler ran despite too many header fields");
    }
}
