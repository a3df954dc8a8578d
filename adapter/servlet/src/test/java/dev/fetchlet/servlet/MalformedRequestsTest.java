package dev.fetchlet.servlet;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.fetchlet.Headers;
import dev.fetchlet.config.FetchletConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The request as some servers hand it on; Jetty and Tomcat refuse these before the filter (conformance suite). */
class MalformedRequestsTest {
    // The filter's order: the header fields read once, then the checks.
    private static String problem(HttpServletRequest req) {
        return MalformedRequests.problem(req, ServletRequests.headers(req, FetchletConfig.DEFAULT_MAX_HEADER_FIELDS));
    }

    private static HttpServletRequest request(String method, String protocol, String host, String... lengths) {
        List<String[]> fields = new ArrayList<>();
        if (host != null) {
            fields.add(new String[] {"Host", host});
        }
        for (String length : lengths) {
            fields.add(new String[] {"Content-Length", length});
        }
        return requestWith(method, protocol, fields);
    }

    // The header methods answer from one list of fields, in order, names without regard to case, as servers do.
    private static HttpServletRequest requestWith(String method, String protocol, List<String[]> fields) {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getMethod()).thenReturn(method);
        when(req.getProtocol()).thenReturn(protocol);
        when(req.getHeaderNames()).thenAnswer(call -> Collections.enumeration(
                fields.stream().map(f -> f[0].toLowerCase(Locale.ROOT)).distinct().toList()));
        when(req.getHeaders(anyString())).thenAnswer(call -> Collections.enumeration(fields.stream()
                .filter(f -> f[0].equalsIgnoreCase(call.getArgument(0))).map(f -> f[1]).toList()));
        when(req.getHeader(anyString())).thenAnswer(call -> fields.stream()
                .filter(f -> f[0].equalsIgnoreCase(call.getArgument(0))).map(f -> f[1]).findFirst().orElse(null));
        return req;
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PROPFIND", "M-SEARCH", "get", "X_CUSTOM!"})
    void tokenMethodsPass(String method) {
        assertNull(problem(request(method, "HTTP/1.1", "h")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"G(T", "\u0001\u0002\u0003", "GE T", "", "G\u00e9T", "a/b"})
    void otherMethodsAreMalformed(String method) {
        assertNotNull(problem(request(method, "HTTP/1.1", "h")));
    }

    @Test
    void hostIsRequiredInHttp11Only() {
        assertNotNull(problem(request("GET", "HTTP/1.1", null)));
        assertNull(problem(request("GET", "HTTP/1.0", null)));
        assertNull(problem(request("GET", "HTTP/2.0", null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.com/x?", "a b", "host\u0000", "x@y", "", " ", "[::1", "::1", "h:abc", "h:99999",
        "h:-1", "h:80:80", "[::1]x", "[zz::1]", "[fe80::1%25eth0]"})
    void anInvalidHostIsMalformed(String host) {
        assertNotNull(problem(request("GET", "HTTP/1.1", host)));
        assertNotNull(problem(request("GET", "HTTP/1.0", host)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.com:8080", "127.0.0.1:1", "[::1]:8080", "[::1]", "my_host",
        "EXAMPLE.com:65535"})
    void aValidHostPasses(String host) {
        assertNull(problem(request("GET", "HTTP/1.1", host)));
    }

    @Test
    void repeatedContentLengthsMustAgree() {
        assertNull(problem(request("POST", "HTTP/1.1", "h", "4")));
        assertNull(problem(request("POST", "HTTP/1.1", "h", "4", "4")));
        assertNull(problem(request("POST", "HTTP/1.1", "h", "4, 4")));
        assertNotNull(problem(request("POST", "HTTP/1.1", "h", "3", "4")));
        assertNotNull(problem(request("POST", "HTTP/1.1", "h", "3, 4")));
        assertNotNull(problem(request("POST", "HTTP/1.1", "h", "-1")));
        assertNotNull(problem(request("POST", "HTTP/1.1", "h", "")));
        assertNotNull(problem(request("POST", "HTTP/1.1", "h", "0x10")));
    }

    private static HttpServletRequest withHeaders(String name, List<String> values, String contentLength) {
        List<String[]> fields = new ArrayList<>();
        if (!name.equalsIgnoreCase("Host")) {
            fields.add(new String[] {"Host", "h"});
        }
        values.forEach(v -> fields.add(new String[] {name, v}));
        if (contentLength != null) {
            fields.add(new String[] {"Content-Length", contentLength});
        }
        return requestWith("POST", "HTTP/1.1", fields);
    }

    @Test
    void twoHostsAreMalformed() {
        assertNotNull(problem(withHeaders("Host", List.of("a.test", "b.test"), null)));
        assertNotNull(problem(withHeaders("Host", List.of("a.test", "a.test"), null)));
        assertNull(problem(withHeaders("Host", List.of("h"), null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunked", "Chunked", " chunked "})
    void chunkedAlonePasses(String te) {
        assertNull(problem(withHeaders("Transfer-Encoding", List.of(te), null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "chunked, gzip", "gzip, chunked", "chunked, chunked", "", "chunked,"})
    void anyOtherTransferEncodingIsMalformed(String te) {
        assertNotNull(problem(withHeaders("Transfer-Encoding", List.of(te), null)));
    }

    @Test
    void chunkedInTwoHeaderLinesIsChunkedTwice() {
        assertNotNull(problem(withHeaders("Transfer-Encoding", List.of("chunked", "chunked"), null)));
    }

    @Test
    void contentLengthBesideTransferEncodingIsMalformed() {
        // Payara reads such a body by its length and the rest as a second request: a request smuggled past a
        // proxy that went by Transfer-Encoding.
        assertNotNull(problem(withHeaders("Transfer-Encoding", List.of("chunked"), "5")));
    }

    @Test
    void aFragmentInTheTargetIsMalformed() {
        HttpServletRequest req = request("GET", "HTTP/1.1", "h");
        when(req.getQueryString()).thenReturn("key=1#frag");
        assertNotNull(problem(req));
        HttpServletRequest path = request("GET", "HTTP/1.1", "h");
        when(path.getRequestURI()).thenReturn("/a#frag");
        assertNotNull(problem(path));
        HttpServletRequest encoded = request("GET", "HTTP/1.1", "h");
        when(encoded.getQueryString()).thenReturn("key=%23");
        assertNull(problem(encoded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\rb", "a\nb", "a\u0001b", "a\u007fb"})
    void aControlCharacterInAHeaderValueIsMalformed(String value) {
        HttpServletRequest req = requestWith("GET", "HTTP/1.1",
                List.of(new String[] {"Host", "h"}, new String[] {"X-Value", value}));
        assertNotNull(problem(req));
    }

    @Test
    void aHeaderNameThatIsNoTokenIsMalformed() {
        HttpServletRequest req = requestWith("GET", "HTTP/1.1",
                List.of(new String[] {"Host", "h"}, new String[] {"X Value", "v"}));
        assertNotNull(problem(req));
    }

    @Test
    void tabsAndTextInHeaderValuesPass() {
        HttpServletRequest req = requestWith("GET", "HTTP/1.1",
                List.of(new String[] {"Host", "h"}, new String[] {"X-Value", "a\tb caf\u00e9"}));
        assertNull(problem(req));
    }

    // ---- the header field limit ----

    private static List<String[]> distinctFields(int count) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"Host", "h"});
        IntStream.range(1, count).forEach(i -> fields.add(new String[] {"X-Field-" + i, Integer.toString(i)}));
        return fields;
    }

    @Test
    void fieldsUpToTheLimitAreAllRead() {
        Headers headers = ServletRequests.headers(requestWith("GET", "HTTP/1.1", distinctFields(100)), 100);
        assertEquals(100, headers.names().size());
        assertEquals("99", headers.first("X-Field-99"));
    }

    @Test
    void oneFieldPastTheLimitIsRefusedWithAMessageForTheClient() {
        ServletRequests.TooManyHeaderFields e = assertThrows(ServletRequests.TooManyHeaderFields.class,
            () -> ServletRequests.headers(requestWith("GET", "HTTP/1.1", distinctFields(101)), 100));
        assertEquals("The request has more than 100 header fields", e.getMessage());
        assertEquals(0, e.getStackTrace().length); // a client's mistake: nothing to trace
    }

    @Test
    void repeatedNamesCountOneFieldEach() {
        List<String[]> fields = new ArrayList<>(List.of(new String[][] {{"Host", "h"}}));
        IntStream.range(0, 100).forEach(i -> fields.add(new String[] {"X-Same", Integer.toString(i)}));
        assertThrows(ServletRequests.TooManyHeaderFields.class,
            () -> ServletRequests.headers(requestWith("GET", "HTTP/1.1", fields), 100));
    }

    @Test
    void thousandsOfNamesAreNotEachLookedUp() {
        // Each look-up of a name walks every field in a container: reading stops after the limit's worth.
        HttpServletRequest req = requestWith("GET", "HTTP/1.1", distinctFields(5_000));
        assertThrows(ServletRequests.TooManyHeaderFields.class, () -> ServletRequests.headers(req, 100));
        verify(req, atMost(101)).getHeaders(anyString());
    }
}
