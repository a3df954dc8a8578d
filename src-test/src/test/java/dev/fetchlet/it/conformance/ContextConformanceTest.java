package dev.fetchlet.it.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC §3, the context: URL, request id, client address, trusted proxies, geo, region and env. Request bodies,
 * headers and streaming responses are in {@link BodyConformanceTest}.
 *
 * <p>The JVM trusts {@code 127.0.0.2} as a proxy; requests from {@link Wire#PROXY} are bound to that address,
 * requests from {@link Wire#CLIENT} (127.0.0.1) are an untrusted client's.
 */
@OnEachContainer
class ContextConformanceTest extends ConformanceTest {
    private static final String[] PROXY_HEADERS = {
        "X-Forwarded-For: 198.51.100.1, 203.0.113.7",
        "X-Forwarded-Proto: https",
        "X-Forwarded-Host: shop.example",
        "X-Request-Id: proxy-id-123",
        "X-Geo-Country: NL",
        "X-Geo-City: Amsterdam",
    };

    ContextConformanceTest(ContainerKind kind) {
        super(kind);
    }

    private JsonNode context(Wire from, String target, String... headers) throws Exception {
        RawResponse r = from.send(Wire.request("GET", target, headers));
        assertEquals(200, r.status(), r.toString());
        JsonNode body = json(r.text());
        assertEquals(r.header(REQUEST_ID), body.get("uuid").asText(), "uuid is the Functions-Request-Id header");
        return body;
    }

    // ---- url ----

    @Test
    void urlHasTheSchemeHostPathAndQueryTheClientUsed() {
        HttpResponse<String> r = get("/conformance/context?x=1&y=%20");
        JsonNode ctx = json(r);
        assertEquals(uri("/conformance/context?x=1&y=%20").toString(), ctx.get("url").asText());
        assertEquals("/conformance/context", ctx.get("path").asText());
        assertEquals("GET", ctx.get("method").asText());
        assertEquals(List.of(" "), RoutingConformanceTest.strings(ctx.get("query").get("y")));
    }

    @Test
    void urlUsesTheHostHeaderAsSent() throws Exception {
        JsonNode ctx = context(wire(), "/conformance/context?a=b");
        assertEquals("http://conformance.test/conformance/context?a=b", ctx.get("url").asText());
    }

    @Test
    void urlFallsBackToTheServersAddressWithoutAHostHeader() throws Exception {
        RawResponse r = wire().send("GET /conformance/context HTTP/1.0\r\n\r\n");
        assertEquals(200, r.status(), r.toString());
        String url = json(r.text()).get("url").asText();
        assertTrue(url.matches("http://[^/?#\\s]+:" + server.port() + "/conformance/context"), url);
    }

    // ---- request id ----

    @Test
    void uuidIsServerRequestIdIsTheHeaderAndIsFreshEachTime() {
        HttpResponse<String> first = get("/conformance/context");
        HttpResponse<String> second = get("/conformance/context");
        String id = assertFunctionReply(first);
        JsonNode ctx = json(first);
        assertEquals(id, ctx.get("uuid").asText());
        assertEquals(id, ctx.get("requestId").asText());
        assertNotEquals(id, assertFunctionReply(second));
    }

    // ---- client address, untrusted peer ----

    @Test
    void clientIpIsThePeerWhenThePeerIsNoTrustedProxy() throws Exception {
        JsonNode ctx = context(wire(), "/conformance/context");
        assertEquals("127.0.0.1", ctx.get("clientIp").asText());
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        JsonNode ctx = context(wire(), "/conformance/context", PROXY_HEADERS);
        assertEquals("127.0.0.1", ctx.get("clientIp").asText(), "X-Forwarded-For ignored");
        assertEquals("http://conformance.test/conformance/context", ctx.get("url").asText(),
                "X-Forwarded-Proto and -Host ignored");
        assertNotEquals("proxy-id-123", ctx.get("uuid").asText(), "X-Request-Id ignored");
        assertTrue(UUID_FORM.matcher(ctx.get("uuid").asText()).matches());
        assertEquals(Map.of(), JSON.convertValue(ctx.get("geo"), Map.class), "geo headers ignored");
    }

    @Test
    void forwardedHeaderFromAnUntrustedPeerIsIgnored() throws Exception {
        JsonNode ctx = context(wire(), "/conformance/context",
                "Forwarded: for=192.0.2.60;proto=https;host=example.com");
        assertEquals("127.0.0.1", ctx.get("clientIp").asText());
        assertEquals("http://conformance.test/conformance/context", ctx.get("url").asText());
    }

    // ---- client address, trusted peer ----

    @Test
    void trustedProxyPeerWithoutForwardingHeadersIsTheClient() throws Exception {
        JsonNode ctx = context(wireFrom(Wire.PROXY), "/conformance/context");
        assertEquals("127.0.0.2", ctx.get("clientIp").asText());
    }

    @Test
    void trustedProxyIsBelievedForXForwardedHeadersAndRequestId() throws Exception {
        RawResponse r = wireFrom(Wire.PROXY).send(Wire.request("GET", "/conformance/context?q=1", PROXY_HEADERS));
        assertEquals(200, r.status(), r.toString());
        JsonNode ctx = json(r.text());
        assertEquals("203.0.113.7", ctx.get("clientIp").asText(), "the first untrusted hop from the right");
        assertEquals("https://shop.example/conformance/context?q=1", ctx.get("url").asText());
        assertEquals("proxy-id-123", ctx.get("uuid").asText());
        assertEquals("proxy-id-123", ctx.get("requestId").asText());
        assertEquals("proxy-id-123", r.header(REQUEST_ID));
    }

    @Test
    void trustedProxyMayGiveTheForwardedPort() throws Exception {
        JsonNode ctx = context(wireFrom(Wire.PROXY), "/conformance/context",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example", "X-Forwarded-Port: 8443");
        assertEquals("https://shop.example:8443/conformance/context", ctx.get("url").asText());
    }

    @Test
    void forwardedIpv6HopsAreUnbracketed() throws Exception {
        assertEquals("2001:db8::7", context(wireFrom(Wire.PROXY), "/conformance/context",
                "X-Forwarded-For: [2001:db8::7]:1234").get("clientIp").asText());
        assertEquals("2001:db8::8", context(wireFrom(Wire.PROXY), "/conformance/context",
                "X-Forwarded-For: 2001:db8::8").get("clientIp").asText());
    }

    @Test
    void clientIpSkipsTrustedHopsFromTheRight() throws Exception {
        JsonNode ctx = context(wireFrom(Wire.PROXY), "/conformance/context",
                "X-Forwarded-For: 198.51.100.1, 203.0.113.7, 127.0.0.2");
        assertEquals("203.0.113.7", ctx.get("clientIp").asText());
    }

    @Test
    void clientIpIsNotTheSpoofableLeftmostHop() throws Exception {
        // the client itself may have sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw
        JsonNode ctx = context(wireFrom(Wire.PROXY), "/conformance/context",
                "X-Forwarded-For: 6.6.6.6, 203.0.113.9");
        assertEquals("203.0.113.9", ctx.get("clientIp").asText());
    }

    @Test
    void repeatedXForwardedForFieldsFormOneList() throws Exception {
        JsonNode ctx = context(wireFrom(Wire.PROXY), "/conformance/context",
                "X-Forwarded-For: 6.6.6.6", "X-Forwarded-For: 203.0.113.10");
        assertEquals("203.0.113.10", ctx.get("clientIp").asText());
    }

    @Test
    void trustedProxyIsBelievedForForwarded() throws Exception {
        JsonNode ctx = context(wireFrom(Wire.PROXY), "/conformance/context",
                "Forwarded: for=198.51.100.1, for=\"[2001:db8::1]:4711\";proto=https;host=example.com");
        assertEquals("2001:db8::1", ctx.get("clientIp").asText());
        JsonNode first = context(wireFrom(Wire.PROXY), "/conformance/context",
                "Forwarded: for=192.0.2.60;proto=https;host=example.com");
        assertEquals("192.0.2.60", first.get("clientIp").asText());
        assertEquals("https://example.com/conformance/context", first.get("url").asText());
    }

    @Test
    void forwardedWinsOverXForwardedFor() throws Exception {
        JsonNode ctx = context(wireFrom(Wire.PROXY), "/conformance/context",
                "Forwarded: for=192.0.2.61", "X-Forwarded-For: 203.0.113.7");
        assertEquals("192.0.2.61", ctx.get("clientIp").asText());
    }

    @Test
    void aForwardedHostThatCouldBreakTheUrlIsIgnored() throws Exception {
        JsonNode ctx = context(wireFrom(Wire.PROXY), "/conformance/context",
                "X-Forwarded-Host: evil.example/path?x=", "X-Forwarded-Proto: javascript");
        assertEquals("http://conformance.test/conformance/context", ctx.get("url").asText());
    }

    @Test
    void anUnusableRequestIdFromAProxyIsReplaced() throws Exception {
        String tooLong = "x".repeat(200);
        JsonNode ctx = context(wireFrom(Wire.PROXY), "/conformance/context", "X-Request-Id: " + tooLong);
        assertTrue(UUID_FORM.matcher(ctx.get("uuid").asText()).matches(), ctx.get("uuid").asText());
    }

    // ---- geo ----

    @Test
    void geoComesFromConfiguredHeadersOfATrustedProxy() throws Exception {
        RawResponse r = wireFrom(Wire.PROXY).send(Wire.request("GET", "/api/users/geo", PROXY_HEADERS));
        assertEquals(200, r.status(), r.toString());
        JsonNode body = json(r.text());
        assertEquals(Map.of("country", "NL", "city", "Amsterdam"), JSON.convertValue(body.get("geo"), Map.class));
        assertEquals("203.0.113.7", body.get("clientIp").asText());
    }

    @Test
    void geoIsEmptyForAnUntrustedPeer() throws Exception {
        RawResponse r = wire().send(Wire.request("GET", "/api/users/geo", PROXY_HEADERS));
        assertEquals(200, r.status(), r.toString());
        assertEquals(Map.of(), JSON.convertValue(json(r.text()).get("geo"), Map.class));
    }

    @Test
    void geoIsEmptyWhenTheTrustedProxySendsNone() throws Exception {
        RawResponse r = wireFrom(Wire.PROXY).send(Wire.request("GET", "/api/users/geo"));
        assertEquals(Map.of(), JSON.convertValue(json(r.text()).get("geo"), Map.class), "never guessed");
    }

    // ---- server, env, params ----

    @Test
    void serverRegionComesFromConfiguration() {
        assertEquals("test-region-1", json(get("/conformance/context")).get("region").asText());
    }

    @Test
    void envHoldsTheProcessEnvironment() {
        assertTrue(json(get("/conformance/context")).get("envHasPath").asBoolean(), "ctx.env() contains PATH");
    }

    @Test
    void paramsAreEmptyOnAStaticRoute() {
        assertEquals(0, json(get("/conformance/context")).get("params").size());
    }

    @Test
    void headerNamesAreVisibleToTheHandler() throws Exception {
        JsonNode ctx = context(wire(), "/conformance/context", "X-Custom-Thing: 1");
        boolean found = false;
        for (JsonNode n : ctx.get("headerNames")) {
            found |= n.asText().equalsIgnoreCase("X-Custom-Thing");
        }
        assertTrue(found, ctx.get("headerNames").toString());
    }
}
