package dev.fetchlet.it.middleware;

import static dev.fetchlet.it.middleware.MiddlewareCalls.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.Deployments;
import dev.fetchlet.it.harness.OnEachContainer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in security middleware as code configures it: {@code SecurityHeaders} under
 * {@code /conformance/secure} (Referrer-Policy changed, Cross-Origin-Resource-Policy left out) and
 * {@code CsrfCheck} under {@code /conformance/csrf} (trusting {@code https://admin.example}).
 */
@OnEachContainer
class SecurityMiddlewareTest {
    private final Deployment deployment;
    private final MiddlewareCalls calls;

    SecurityMiddlewareTest(ContainerKind kind) {
        this.deployment = Deployments.of(kind);
        this.calls = new MiddlewareCalls(deployment);
    }

    @Test
    void securityHeadersAreAddedAndTheRoutesOwnAreKept() {
        HttpResponse<String> r = calls.get("/conformance/secure/page");
        assertEquals(200, r.statusCode());
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
        assertEquals("no-referrer", header(r, "Referrer-Policy"));
        assertEquals("DENY", header(r, "X-Frame-Options"), "the route's own value wins");
        assertEquals("frame-ancestors 'self'", header(r, "Content-Security-Policy"));
        assertEquals("same-origin", header(r, "Cross-Origin-Opener-Policy"));
        assertNull(header(r, "Cross-Origin-Resource-Policy"), "left out by the configuration");
        assertNull(header(r, "Strict-Transport-Security"), "HSTS only over HTTPS");
        assertEquals(1, r.headers().allValues("X-Content-Type-Options").size(), "nosniff once, not twice");

        HttpResponse<String> missing = calls.get("/conformance/secure/nothing");
        assertEquals(404, missing.statusCode());
        assertEquals("no-referrer", header(missing, "Referrer-Policy"), "a 404 gets them too");
    }

    record Case(String name, String method, String contentType, List<String> headers, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> csrfCases() {
        List<Case> cases = new ArrayList<>();
        String form = "application/x-www-form-urlencoded";
        cases.add(new Case("cross-origin form POST", "POST", form, List.of("Origin", "https://evil.example"), 403));
        cases.add(new Case("cross-site by Sec-Fetch-Site", "POST", form,
                List.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"), 403));
        cases.add(new Case("same-site, other origin", "POST", form,
                List.of("Sec-Fetch-Site", "same-site", "Origin", "https://other.127.0.0.1.example"), 403));
        cases.add(new Case("opaque origin null", "POST", form, List.of("Origin", "null"), 403));
        cases.add(new Case("text/plain simple request cross-origin", "PUT", "text/plain; charset=UTF-8",
                List.of("Origin", "https://evil.example"), 403));
        cases.add(new Case("multipart cross-origin POST", "POST", "multipart/form-data; boundary=x",
                List.of("Origin", "https://evil.example"), 403));
        cases.add(new Case("same-origin by Sec-Fetch-Site", "POST", form,
                List.of("Sec-Fetch-Site", "same-origin", "Origin", "https://proxy-rewritten.example"), 200));
        cases.add(new Case("user-initiated (Sec-Fetch-Site none)", "POST", form, List.of("Sec-Fetch-Site", "none"), 200));
        cases.add(new Case("trusted origin", "POST", form,
                List.of("Sec-Fetch-Site", "cross-site", "Origin", "https://admin.example"), 200));
        cases.add(new Case("no Origin, no Sec-Fetch-Site: not a browser", "POST", form, List.of(), 200));
        cases.add(new Case("JSON body: needs a preflight, CORS decides", "POST", "application/json",
                List.of("Origin", "https://evil.example"), 200));
        cases.add(new Case("cross-site GET is safe", "GET", null,
                List.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"), 200));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csrfCases")
    void csrfCheck(Case c) {
        List<String> headers = new ArrayList<>(c.headers());
        if (c.contentType() != null) {
            headers.add("Content-Type");
            headers.add(c.contentType());
        }
        String body = c.contentType() == null ? null : c.contentType().startsWith("multipart/")
                ? "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n" : "a=1";
        HttpResponse<String> r = calls.send(c.method(), "/conformance/csrf/form", body,
                headers.toArray(String[]::new));
        assertEquals(c.status(), r.statusCode(), r.body());
        if (c.status() == 403) {
            assertTrue(r.body().contains("\"error\":\"Forbidden\""), r.body());
            assertTrue(r.body().contains("refused"), r.body());
        }
    }

    @Test
    void theRequestsOwnOriginPasses() {
        String own = "http://127.0.0.1:" + deployment.port();
        HttpResponse<String> r = calls.send("POST", "/conformance/csrf/form", "a=1",
                "Content-Type", "application/x-www-form-urlencoded", "Origin", own);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("accepted POST", r.body());
    }
}
