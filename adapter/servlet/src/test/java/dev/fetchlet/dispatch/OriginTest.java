package dev.fetchlet.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.Headers;
import dev.fetchlet.config.FetchletConfig;
import dev.fetchlet.config.Settings;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who sent a request: forwarding headers, request id and geo are believed only from trusted proxies. */
class OriginTest {
    private static final String PROXY = "10.0.0.5";
    private static final String CLIENT = "203.0.113.9";

    private static FetchletConfig config(String... keysAndValues) {
        Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return FetchletConfig.load(new Settings(Map.of(), env, k -> null));
    }

    private static final FetchletConfig TRUSTING = config(
            "FUNC_TRUSTED_PROXIES", "10.0.0.0/8, 2001:db8::/32",
            "FUNC_GEO_HEADERS", "country:X-Geo-Country,city:X-Geo-City");

    private static Origin resolve(String peer, Headers headers) {
        return Origin.resolve(peer, headers, "http", "backend:8080", TRUSTING);
    }

    private static boolean isV4Uuid(String s) {
        UUID u = UUID.fromString(s);
        return u.version() == 4 && u.variant() == 2 && u.toString().equals(s);
    }

    private static final Headers SPOOFED = Headers.of(
            "Forwarded", "for=1.1.1.1;proto=https;host=evil.example",
            "X-Forwarded-For", "2.2.2.2",
            "X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "evil.example",
            "X-Forwarded-Port", "444",
            "X-Request-Id", "attacker-chosen-id",
            "X-Geo-Country", "XX");

    @Test
    void untrustedPeerIgnoresEveryForwardingHeaderAndTheRequestId() {
        Origin o = resolve(CLIENT, SPOOFED);
        assertEquals("http", o.scheme());
        assertEquals("backend:8080", o.host());
        assertEquals(CLIENT, o.clientIp());
        assertNotEquals("attacker-chosen-id", o.requestId());
        assertTrue(isV4Uuid(o.requestId()));
        assertEquals(Map.of(), o.geo());
    }

    @Test
    void withNoTrustedProxiesConfiguredEvenLoopbackIsIgnored() {
        Origin o = Origin.resolve("127.0.0.1", SPOOFED, "http", "localhost:8080", FetchletConfig.defaults());
        assertEquals("127.0.0.1", o.clientIp());
        assertEquals("localhost:8080", o.host());
        assertEquals("http", o.scheme());
        assertEquals(Map.of(), o.geo());
    }

    @Test
    void trustedPeerWithoutForwardingHeadersIsTheClient() {
        Origin o = resolve(PROXY, new Headers());
        assertEquals(PROXY, o.clientIp());
        assertEquals("http", o.scheme());
        assertEquals("backend:8080", o.host());
        assertTrue(isV4Uuid(o.requestId()));
    }

    @ParameterizedTest(name = "X-Forwarded-For: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.9                                  | 203.0.113.9",
        "1.1.1.1, 203.0.113.9                         | 203.0.113.9",       // the client's own claim is ignored
        "1.1.1.1, 203.0.113.9, 10.0.0.7               | 203.0.113.9",       // a trusted hop is skipped
        "203.0.113.9, 10.0.0.7, 10.9.9.9              | 203.0.113.9",
        "10.0.0.8, 10.0.0.7                           | 10.0.0.8",          // all trusted: the farthest one
        "203.0.113.9:5678                             | 203.0.113.9",
        "[2001:db8::1]:4711, 198.51.100.1             | 198.51.100.1",
        "198.51.100.1, 2001:db8::7                    | 198.51.100.1",
        "2001:db9::1                                  | 2001:db9::1",
        "unknown, 10.0.0.7                            | 10.0.0.7",          // nothing to follow past unknown
        "203.0.113.9, unknown                         | 10.0.0.5",
        "' '                                          | 10.0.0.5",
        "not-an-ip, 10.0.0.7                          | 10.0.0.7",          // garbage is never a client address
        "'<script>, 10.0.0.7'                         | 10.0.0.7",
    })
    void xForwardedForIsWalkedFromTheRightSkippingTrustedHops(String xff, String client) {
        assertEquals(client, resolve(PROXY, Headers.of("X-Forwarded-For", xff)).clientIp());
    }

    @Test
    void repeatedXForwardedForHeadersFormOneChain() {
        Headers h = Headers.of("X-Forwarded-For", "1.1.1.1", "X-Forwarded-For", "203.0.113.9, 10.0.0.7");
        assertEquals("203.0.113.9", resolve(PROXY, h).clientIp());
    }

    @Test
    void xForwardedProtoHostAndPortFromTheFirstValue() {
        Origin o = resolve(PROXY, Headers.of(
                "X-Forwarded-Proto", "HTTPS, http",
                "X-Forwarded-Host", "shop.example, backend",
                "X-Forwarded-Port", "8443, 80"));
        assertEquals("https", o.scheme());
        assertEquals("shop.example:8443", o.host());
    }

    @Test
    void xForwardedPortDoesNotOverrideAPortInTheHost() {
        Origin o = resolve(PROXY, Headers.of("X-Forwarded-Host", "shop.example:9000", "X-Forwarded-Port", "8443"));
        assertEquals("shop.example:9000", o.host());
    }

    @Test
    void xForwardedPortAppliesToABracketedIpv6Host() {
        Origin o = resolve(PROXY, Headers.of("X-Forwarded-Host", "[2001:db8::1]", "X-Forwarded-Port", "8443"));
        assertEquals("[2001:db8::1]:8443", o.host());
    }

    @Test
    void defaultPortOfTheForwardedSchemeStaysImplicit() {
        assertEquals("shop.example", resolve(PROXY, Headers.of(
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example", "X-Forwarded-Port", "443")).host());
        assertEquals("shop.example", resolve(PROXY, Headers.of(
                "X-Forwarded-Host", "shop.example", "X-Forwarded-Port", "80")).host());
        assertEquals("shop.example:80", resolve(PROXY, Headers.of(
                "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example", "X-Forwarded-Port", "80")).host());
    }

    @Test
    void nonNumericXForwardedPortIsIgnored() {
        Origin o = resolve(PROXY, Headers.of("X-Forwarded-Host", "shop.example", "X-Forwarded-Port", "80a"));
        assertEquals("shop.example", o.host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example/path", "evil.example?x", "user@evil.example", "evil example", "a\"b",
        "evil.example#frag", "evil\\example", ""})
    void invalidForwardedHostIsIgnored(String host) {
        assertEquals("backend:8080", resolve(PROXY, Headers.of("X-Forwarded-Host", host)).host());
        assertEquals("backend:8080",
                resolve(PROXY, Headers.of("Forwarded", "for=1.2.3.4;host=\"" + host + "\"")).host());
    }

    @Test
    void overlongForwardedHostIsIgnored() {
        assertEquals("backend:8080", resolve(PROXY, Headers.of("X-Forwarded-Host", "a".repeat(256))).host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp", "javascript", "https://x", "", "ws"})
    void invalidForwardedProtoIsIgnored(String proto) {
        assertEquals("http", resolve(PROXY, Headers.of("X-Forwarded-Proto", proto)).scheme());
        assertEquals("http", resolve(PROXY, Headers.of("Forwarded", "for=1.2.3.4;proto=" + proto)).scheme());
    }

    @Test
    void forwardedHeaderWithQuotedIpv6AndPort() {
        Origin o = resolve(PROXY, Headers.of("Forwarded",
                "for=\"[2001:db8:cafe::17]:4711\";proto=https;host=\"shop.example:8443\""));
        assertEquals("2001:db8:cafe::17", o.clientIp());
        assertEquals("https", o.scheme());
        assertEquals("shop.example:8443", o.host());
    }

    @Test
    void forwardedHeaderIsWalkedFromTheRightLikeXForwardedFor() {
        Origin o = resolve(PROXY, Headers.of("Forwarded",
                "for=1.1.1.1;host=first.example;proto=https, for=198.51.100.1:1234, for=\"[2001:db8::9]\";host=inner"));
        assertEquals("198.51.100.1", o.clientIp());
        assertEquals("first.example", o.host(), "host from the first element");
        assertEquals("https", o.scheme(), "proto from the first element");
    }

    @Test
    void forwardedParametersAreCaseInsensitiveAndTolerateSpaces() {
        Origin o = resolve(PROXY, Headers.of("Forwarded", "For=198.51.100.1 ; Proto=HTTPS ; Host=shop.example"));
        assertEquals("198.51.100.1", o.clientIp());
        assertEquals("https", o.scheme());
        assertEquals("shop.example", o.host());
    }

    @Test
    void forwardedWinsOverXForwarded() {
        Origin o = resolve(PROXY, Headers.of(
                "Forwarded", "for=198.51.100.1;proto=https;host=a.example",
                "X-Forwarded-For", "198.51.100.2",
                "X-Forwarded-Proto", "http",
                "X-Forwarded-Host", "b.example"));
        assertEquals("198.51.100.1", o.clientIp());
        assertEquals("https", o.scheme());
        assertEquals("a.example", o.host());
    }

    @Test
    void forwardedObfuscatedOrUnknownNodeEndsTheWalk() {
        assertEquals(PROXY, resolve(PROXY, Headers.of("Forwarded", "for=_hidden")).clientIp());
        assertEquals(PROXY, resolve(PROXY, Headers.of("Forwarded", "for=unknown")).clientIp());
        assertEquals(PROXY, resolve(PROXY, Headers.of("Forwarded", "proto=https")).clientIp());
        assertEquals("198.51.100.1", resolve(PROXY, Headers.of("Forwarded", "for=\"_x\", for=198.51.100.1")).clientIp());
    }

    @Test
    void quotedCommaInForwardedDoesNotSplitAnElement() {
        Origin o = resolve(PROXY, Headers.of("Forwarded", "for=198.51.100.1;host=\"a.example\";ext=\"x,y\""));
        assertEquals("198.51.100.1", o.clientIp());
        assertEquals("a.example", o.host());
    }

    @Test
    void trustedIpv6PeerIsRecognised() {
        assertEquals(CLIENT, resolve("2001:db8::2", Headers.of("X-Forwarded-For", CLIENT)).clientIp());
        assertEquals(CLIENT, resolve("::ffff:10.0.0.5", Headers.of("X-Forwarded-For", CLIENT)).clientIp());
    }

    @Test
    void trustedProxysRequestIdIsUsed() {
        assertEquals("abc-123", resolve(PROXY, Headers.of("X-Request-Id", "abc-123")).requestId());
        assertEquals("Root=1-5f;Parent=2", resolve(PROXY, Headers.of("x-request-id", "Root=1-5f;Parent=2")).requestId());
    }

    @Test
    void requestIdHeaderNameIsConfigurable() {
        FetchletConfig c = config("FUNC_TRUSTED_PROXIES", PROXY, "FUNC_REQUEST_ID_HEADER", "X-Amzn-Trace-Id");
        Headers h = Headers.of("X-Request-Id", "ignored", "X-Amzn-Trace-Id", "trace-1");
        assertEquals("trace-1", Origin.resolve(PROXY, h, "http", "h", c).requestId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\there", "ünicode", "del\u007f"})
    void invalidRequestIdsAreReplacedByAFreshUuid(String id) {
        Origin o = resolve(PROXY, Headers.of("X-Request-Id", id));
        assertNotEquals(id, o.requestId());
        assertTrue(isV4Uuid(o.requestId()));
    }

    @Test
    void requestIdLengthLimitIs128() {
        String max = "a".repeat(128);
        assertEquals(max, resolve(PROXY, Headers.of("X-Request-Id", max)).requestId());
        String tooLong = "a".repeat(129);
        assertTrue(isV4Uuid(resolve(PROXY, Headers.of("X-Request-Id", tooLong)).requestId()));
    }

    @Test
    void geoComesOnlyFromATrustedPeer() {
        Headers h = Headers.of("X-Geo-Country", " DE ", "X-Geo-City", "Berlin", "X-Other", "x");
        assertEquals(Map.of("country", "DE", "city", "Berlin"), resolve(PROXY, h).geo());
        assertEquals(Map.of(), resolve(CLIENT, h).geo());
    }

    @Test
    void blankGeoValuesAreLeftOut() {
        assertEquals(Map.of("city", "Berlin"),
                resolve(PROXY, Headers.of("X-Geo-Country", "  ", "X-Geo-City", "Berlin")).geo());
    }

    @Test
    void newRequestIdIsAVersion4UuidAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = Origin.newRequestId();
            assertTrue(isV4Uuid(id), id);
            assertTrue(seen.add(id), "duplicate " + id);
        }
    }
}
