package dev.fetchlet.it.conformance;

import static dev.fetchlet.it.harness.ServerDifference.BAD_PATH_ANSWERED_BY_SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §1, Routes: the seed's routing table, precedence, params, and paths that must not be routed. */
@OnEachContainer
class RoutingConformanceTest extends ConformanceTest {

    RoutingConformanceTest(ContainerKind kind) {
        super(kind);
    }

    // ---- the seed's routing table, row by row ----

    @Test
    void rootIsServedByTheIndexRoute() {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertFunctionReply(r);
        assertTrue(r.body().contains("<h1>Fetchlet example</h1>"), r.body());
    }

    @Test
    void helloPagesFileServesHelloPages() {
        HttpResponse<String> r = get("/hello-pages");
        assertEquals(200, r.statusCode());
        assertEquals("Hello from Fetchlet Pages!", r.body());
        assertFunctionReply(r);
    }

    @Test
    void helloworldFileServesHelloworld() {
        HttpResponse<String> r = get("/helloworld");
        assertEquals(200, r.statusCode());
        assertEquals("Hello, world!", r.body());
    }

    @Test
    void staticSegmentListServesUsersList() {
        HttpResponse<String> r = get("/api/users/list");
        assertEquals(200, r.statusCode());
        JsonNode users = json(r);
        assertTrue(users.isArray());
        assertEquals("Ada", users.get(0).get("name").asText());
    }

    @Test
    void staticSegmentGeoServesUsersGeo() {
        HttpResponse<String> r = get("/api/users/geo");
        assertEquals(200, r.statusCode());
        assertTrue(json(r).has("geo"), r.body());
    }

    @Test
    void dynamicSegmentIdServesUsers1024() {
        HttpResponse<String> r = get("/api/users/1024");
        assertEquals(200, r.statusCode());
        assertEquals("User id is 1024", r.body());
    }

    @Test
    void indexFileServesItsFolder() {
        HttpResponse<String> first = get("/api/visit");
        assertEquals(200, first.statusCode());
        long visits = json(first).get("visits").asLong();
        HttpResponse<String> second = get("/api/visit/");
        assertEquals(200, second.statusCode());
        assertEquals(visits + 1, json(second).get("visits").asLong(), "same handler, with or without the slash");
    }

    @Test
    void catchAllServesApiBooksList() {
        JsonNode body = apiDefault("/api/books/list");
        assertEquals(List.of("books", "list"), strings(body.get("segments")));
        assertEquals("books/list", body.get("path").asText());
    }

    @Test
    void catchAllServesApi1024() {
        JsonNode body = apiDefault("/api/1024");
        assertEquals(List.of("1024"), strings(body.get("segments")));
    }

    // ---- the seed's "No" rows ----

    @Test
    void idDoesNotMatchTwoSegmentsSoUsersVip1024GoesToTheCatchAll() {
        JsonNode body = apiDefault("/api/users/vip/1024");
        assertEquals(List.of("users", "vip", "1024"), strings(body.get("segments")));
    }

    @Test
    void idUnderUsersDoesNotServeApiVip1024() {
        JsonNode body = apiDefault("/api/vip/1024");
        assertEquals(List.of("vip", "1024"), strings(body.get("segments")));
    }

    @Test
    void pathOutsideEveryRouteIs404() {
        HttpResponse<String> r = get("/v2/vip/1024");
        assertEquals(404, r.statusCode());
        assertNotFunctionReply(r);
    }

    // ---- case, trailing slash ----

    @ParameterizedTest
    @ValueSource(strings = {"/HelloWorld", "/HELLOWORLD", "/helloWorld", "/Hello-pages", "/API/users/list"})
    void routesAreCaseSensitive(String path) {
        HttpResponse<String> r = get(path);
        assertEquals(404, r.statusCode(), path + " -> " + r.body());
        assertNotFunctionReply(r);
    }

    @Test
    void caseSensitivityAppliesToStaticSegmentsBelowAParam() {
        // /api/users/LIST is not the static "list", so [id] takes it as a value
        assertEquals("User id is LIST", get("/api/users/LIST").body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/hello-pages/", "/helloworld/", "/api/users/1024/", "/api/users/list/"})
    void oneTrailingSlashIsOptional(String withSlash) {
        HttpResponse<String> slash = get(withSlash);
        HttpResponse<String> bare = get(withSlash.substring(0, withSlash.length() - 1));
        assertEquals(200, slash.statusCode());
        assertFunctionReply(slash);
        assertEquals(bare.body(), slash.body());
    }

    @Test
    void twoTrailingSlashesAreNotOneOptionalSlash() {
        HttpResponse<String> r = get("/helloworld//");
        assertFalse(r.statusCode() == 200 && r.body().equals("Hello, world!"), "/helloworld// reached the handler");
    }

    // ---- precedence ----

    @Test
    void staticBeatsParamBeatsCatchAll() {
        assertEquals("Ada", json(get("/api/users/list")).get(0).get("name").asText(), "static wins over [id]");
        assertEquals("User id is 7", get("/api/users/7").body(), "[id] wins over [[default]]");
        assertEquals(List.of("users", "7", "x"), strings(apiDefault("/api/users/7/x").get("segments")),
                "[[default]] takes what [id] cannot");
        assertEquals(List.of("users"), strings(apiDefault("/api/users").get("segments")),
                "no route for the folder /api/users itself, so the catch-all takes it");
    }

    @Test
    void staticRouteElsewhereBeatsTheCatchAll() {
        assertEquals("Hello from Fetchlet Functions!", get("/api/hello").body());
        assertEquals("/api/[[default]]", apiDefault("/api/hello/more").get("route").asText());
    }

    @Test
    void paramsInTheMiddleOfAPath() {
        HttpResponse<String> r = get("/conformance/params/one/and/two");
        assertEquals(200, r.statusCode());
        JsonNode p = json(r);
        assertEquals("one", p.get("first").asText());
        assertEquals("two", p.get("second").asText());
        assertEquals(404, get("/conformance/params/one/or/two").statusCode(), "static segment between params");
    }

    // ---- [[x]] ----

    @ParameterizedTest
    @ValueSource(strings = {"/conformance/rest", "/conformance/rest/", "/api", "/api/"})
    void catchAllDoesNotMatchItsFolder(String folder) {
        HttpResponse<String> r = get(folder);
        assertEquals(404, r.statusCode(), folder + " -> " + r.body());
        assertNotFunctionReply(r);
    }

    @Test
    void catchAllGivesTheSegmentsAsAListAndJoined() {
        HttpResponse<String> r = get("/conformance/rest/a/b");
        assertEquals(200, r.statusCode());
        JsonNode body = json(r);
        assertEquals(List.of("a", "b"), strings(body.get("list")));
        assertEquals("a/b", body.get("joined").asText());
    }

    @Test
    void catchAllTakesASingleSegmentAndATrailingSlash() {
        assertEquals(List.of("a"), strings(json(get("/conformance/rest/a")).get("list")));
        assertEquals(List.of("a", "b"), strings(json(get("/conformance/rest/a/b/")).get("list")));
    }

    // ---- percent-decoding ----

    @Test
    void paramValuesArePercentDecoded() {
        assertEquals("User id is a b", get("/api/users/a%20b").body());
        assertEquals("User id is \u00e9", get("/api/users/%C3%A9").body());
        assertEquals("User id is a+b", get("/api/users/a+b").body(), "'+' is not a space in a path");
        JsonNode p = json(get("/conformance/params/a%20b/and/%C3%A9"));
        assertEquals("a b", p.get("first").asText());
        assertEquals("\u00e9", p.get("second").asText());
    }

    @Test
    void catchAllSegmentsAreEachPercentDecoded() {
        JsonNode body = json(get("/conformance/rest/a%20b/%C3%A9/%E2%82%AC"));
        assertEquals(List.of("a b", "\u00e9", "\u20ac"), strings(body.get("list")));
        assertEquals("a b/\u00e9/\u20ac", body.get("joined").asText());
    }

    @Test
    void staticSegmentsMatchTheDecodedPath() {
        HttpResponse<String> r = get("/api/users/%6C%69%73%74"); // "list", every letter escaped
        assertEquals(200, r.statusCode());
        assertEquals("Ada", json(r).get(0).get("name").asText());
    }

    // ---- encoded slashes and dot segments: never routed across segments, never escaping ----

    @ParameterizedTest
    @ValueSource(strings = {
        "/conformance/count/a%2Fb",               // encoded slash
        "/conformance/count/a%2fb",
        "/conformance/count/a%5Cb",               // encoded backslash
        "/conformance/count/x/../y",              // raw dot-dot
        "/conformance/count/x/./y",               // raw dot
        "/conformance/count/%2e%2e/y",            // encoded dot-dot
        "/conformance/count/x/%2E%2E/y",
        "/conformance/count/x/.%2e/y",
        "/conformance/count/x/%2e/y",             // encoded dot
        "/conformance/count/x/..",                // dot-dot as the last segment
        "/conformance/count/x/%2e%2e",
    })
    void encodedSlashesAndDotSegmentsAre400AndReachNoHandler(String path) throws Exception {
        String key = freshKey();
        RawResponse r = wire().send(Wire.request("GET", path + "?key=" + key));
        assertStatusOr(BAD_PATH_ANSWERED_BY_SERVER, 400, r, path);
        assertEquals(0, calls(key), "a handler ran for " + path);
        assertStillServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../../../../etc/passwd",
        "/api/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/static/../index.html",                   // would resolve to a static file
        "/static/%2e%2e/index.html",
        "/static/..%2Findex.html",
        "/api/users/../../helloworld",             // would resolve to another route
        "/api/users/%2e%2e/%2e%2e/helloworld",
        "/conformance/rest/a/../../../helloworld",
    })
    void dotSegmentsNeverEscape(String path) throws Exception {
        RawResponse r = wire().send(Wire.request("GET", path));
        assertEquals(400, r.status(), path + " -> " + r);
        assertFalse(r.text().contains("root:") || r.text().contains("Hello, world!")
                || r.text().contains("static page"), "served something: " + r);
        assertNull(r.header(REQUEST_ID), "no function handled " + path);
    }

    /**
     * Dot segments aimed at {@code WEB-INF}: both containers resolve the path and refuse the protected folder
     * with their own 404 before any filter runs, so Fetchlet never sees these. The rule that matters holds:
     * nothing under {@code WEB-INF} is served and no handler runs.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "/static/../WEB-INF/web.xml",
        "/static/../WEB-INF/classes/logback.xml",
        "/static/%2e%2e/WEB-INF/classes/logback.xml",
        "/api/%2e%2e/WEB-INF/classes/logback.xml",
        "/conformance/rest/%2e%2e/%2e%2e/WEB-INF/classes/logback.xml",
        "/WEB-INF/classes/logback.xml",
    })
    void dotSegmentsNeverReachWebInf(String path) throws Exception {
        RawResponse r = wire().send(Wire.request("GET", path));
        assertTrue(r.status() == 400 || r.status() == 404, path + " -> " + r);
        assertFalse(r.text().contains("<configuration"), "served WEB-INF: " + r);
        assertNull(r.header(REQUEST_ID), "no function handled " + path);
    }

    @Test
    void anEncodedSlashIsNotASegmentSeparatorForTheCatchAll() throws Exception {
        // were %2F decoded before routing, this would reach the catch-all as ["a", "b"]
        RawResponse r = wire().send(Wire.request("GET", "/conformance/rest/a%2Fb"));
        assertEquals(400, r.status(), r.toString());
        assertFalse(r.text().contains("\"list\""), r.toString());
    }

    // ---- fall-through to static resources, then 404 ----

    @Test
    void unmatchedPathsFallThroughToStaticResources() {
        HttpResponse<String> page = get("/index.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Fetchlet example: static page"), page.body());
        assertNotFunctionReply(page);
        HttpResponse<String> css = get("/static/style.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.body().contains("font-family"), css.body());
        assertNotFunctionReply(css);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope.html", "/static/nope.css", "/v2/vip/1024", "/conformancex", "/hello-pagesx"})
    void unmatchedPathsWithoutAStaticResourceAre404(String path) {
        HttpResponse<String> r = get(path);
        assertEquals(404, r.statusCode(), path + " -> " + r.body());
        assertNotFunctionReply(r);
    }

    private JsonNode apiDefault(String path) {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + " -> " + r.body());
        assertFunctionReply(r);
        JsonNode body = json(r);
        assertEquals("/api/[[default]]", body.get("route").asText(), path + " -> " + r.body());
        return body;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
