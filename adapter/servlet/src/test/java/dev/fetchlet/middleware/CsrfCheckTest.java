package dev.fetchlet.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.fetchlet.Context;
import dev.fetchlet.HttpException;
import dev.fetchlet.Request;
import dev.fetchlet.Response;
import org.junit.jupiter.api.Test;

/** Which requests the CSRF check refuses, decided from the request alone. */
class CsrfCheckTest {
    private final CsrfCheck check = CsrfCheck.builder().trustedOrigins("https://admin.example").build();

    private static Request post(String contentType, String... headers) {
        Request.Builder b = Request.builder("POST", "https://shop.example:8443/cart");
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    @Test
    void theRequestsOwnOriginPortIncludedPasses() {
        assertNull(check.refusal(post("application/x-www-form-urlencoded", "Origin", "https://shop.example:8443")));
        assertNotNull(check.refusal(post("application/x-www-form-urlencoded", "Origin", "https://shop.example")),
                "another port is another origin");
    }

    @Test
    void secFetchSiteDecidesWhenPresent() {
        assertNull(check.refusal(post("text/plain", "Sec-Fetch-Site", "same-origin", "Origin", "https://proxy.example")));
        assertNotNull(check.refusal(post("text/plain", "Sec-Fetch-Site", "same-site", "Origin", "https://a.shop.example")));
        assertNull(CsrfCheck.builder().allowSameSite(true).build()
                .refusal(post("text/plain", "Sec-Fetch-Site", "same-site")));
        assertNull(check.refusal(post("text/plain", "Sec-Fetch-Site", "cross-site", "Origin", "https://admin.example")));
    }

    @Test
    void bodiesThatNeedAPreflightAreLeftToCors() {
        assertNull(check.refusal(post("application/json", "Origin", "https://evil.example")));
        assertNotNull(check.refusal(post(null, "Origin", "https://evil.example")), "no body type is a simple request");
        assertNotNull(check.refusal(post("Multipart/Form-Data; boundary=x", "Origin", "https://evil.example")));
    }

    @Test
    void aRefusalIsA403ThatNeverReachesTheHandler() {
        Context ctx = Context.builder(post("text/plain", "Origin", "null")).build();
        HttpException e = assertThrows(HttpException.class, () -> check.onRequest(ctx, () -> {
            throw new AssertionError("refused requests go no further");
        }));
        assertEquals(403, e.status());
    }

    @Test
    void safeMethodsPass() throws Exception {
        Request get = Request.builder("GET", "https://shop.example/").header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site").build();
        Response r = check.onRequest(Context.builder(get).build(), () -> Response.text("ok"));
        assertEquals(200, r.status());
    }
}
