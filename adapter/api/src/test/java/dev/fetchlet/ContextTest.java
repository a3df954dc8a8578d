package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The {@link Context} builder: defaults a unit test can rely on, and explicit values. */
class ContextTest {
    private static final Request GET = Request.builder("GET", "http://localhost/api/users/7").build();

    @Test
    void defaultsAreUsableWithoutConfiguration() {
        Context ctx = Context.builder(GET).build();
        assertSame(GET, ctx.request());
        assertSame(Params.empty(), ctx.params());
        assertEquals(Map.of(), ctx.env());
        assertEquals(Map.of(), ctx.geo());
        assertEquals("127.0.0.1", ctx.clientIp());
        assertNull(ctx.server().region());
        assertEquals(4, UUID.fromString(ctx.uuid()).version(), "a random (v4) UUID");
        assertEquals(ctx.uuid(), ctx.server().requestId());
    }

    @Test
    void eachContextGetsItsOwnRandomUuid() {
        assertNotEquals(Context.builder(GET).build().uuid(), Context.builder(GET).build().uuid());
    }

    @Test
    void explicitValuesAreKept() {
        Params params = Params.of(Map.of("id", "7"));
        Context ctx = Context.builder(GET)
                .params(params)
                .env(Map.of("API_KEY", "k"))
                .uuid("req-1")
                .clientIp("203.0.113.9")
                .region("eu-west-1")
                .geo(Map.of("country", "DE"))
                .build();
        assertSame(params, ctx.params());
        assertEquals("k", ctx.env().get("API_KEY"));
        assertEquals("req-1", ctx.uuid());
        assertEquals("203.0.113.9", ctx.clientIp());
        assertEquals(new ServerInfo("eu-west-1", "req-1"), ctx.server());
        assertEquals(Map.of("country", "DE"), ctx.geo());
        assertTrue(ctx.toString().contains("req-1"));
    }

    @Test
    void envAndGeoAreCopiedAndReadOnly() {
        Map<String, String> env = new HashMap<>(Map.of("A", "1"));
        Context ctx = Context.builder(GET).env(env).build();
        env.put("B", "2");
        assertNull(ctx.env().get("B"));
        assertThrows(UnsupportedOperationException.class, () -> ctx.env().put("C", "3"));
        assertThrows(UnsupportedOperationException.class, () -> ctx.geo().put("C", "3"));
    }

    @Test
    void sharedEnvIsUsedAsIs() {
        Map<String, String> shared = Map.of("A", "1");
        assertSame(shared, Context.builder(GET).sharedEnv(shared).build().env());
    }

    @Test
    void requestAndParamsAreRequired() {
        assertThrows(NullPointerException.class, () -> Context.builder(null));
        assertThrows(NullPointerException.class, () -> Context.builder(GET).params(null));
    }
}
