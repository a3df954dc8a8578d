package dev.fetchlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The default bodies of {@link Handler} and {@link AsyncHandler}: called directly, they answer 405. */
class HandlerTest {
    private static final Handler NOTHING = new Handler() { };
    private static final AsyncHandler NOTHING_ASYNC = new AsyncHandler() { };

    private static Context ctx(String method) {
        return Context.builder(Request.builder(method, "http://localhost/x").build()).build();
    }

    private static void assert405(Executable call, String method) {
        HttpException e = assertThrows(HttpException.class, call);
        assertEquals(405, e.status());
        assertTrue(e.getMessage().contains(method), e.getMessage());
    }

    @Test
    void everyDefaultHandlerMethodThrows405NamingTheMethod() {
        for (String m : List.of("GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS")) {
            Context c = ctx(m);
            assert405(() -> NOTHING.onRequest(c), m);
            assert405(() -> NOTHING_ASYNC.onRequest(c), m);
        }
        Context c = ctx("PATCH");
        assert405(() -> NOTHING.onRequestGet(c), "PATCH");
        assert405(() -> NOTHING.onRequestPost(c), "PATCH");
        assert405(() -> NOTHING.onRequestPatch(c), "PATCH");
        assert405(() -> NOTHING.onRequestPut(c), "PATCH");
        assert405(() -> NOTHING.onRequestDelete(c), "PATCH");
        assert405(() -> NOTHING.onRequestHead(c), "PATCH");
        assert405(() -> NOTHING.onRequestOptions(c), "PATCH");
        assert405(() -> NOTHING_ASYNC.onRequestGet(c), "PATCH");
        assert405(() -> NOTHING_ASYNC.onRequestPost(c), "PATCH");
        assert405(() -> NOTHING_ASYNC.onRequestPatch(c), "PATCH");
        assert405(() -> NOTHING_ASYNC.onRequestPut(c), "PATCH");
        assert405(() -> NOTHING_ASYNC.onRequestDelete(c), "PATCH");
        assert405(() -> NOTHING_ASYNC.onRequestHead(c), "PATCH");
        assert405(() -> NOTHING_ASYNC.onRequestOptions(c), "PATCH");
    }

    @Test
    void aNullContextStillGivesA405() {
        HttpException e = assertThrows(HttpException.class, () -> NOTHING.onRequestGet(null));
        assertEquals(405, e.status());
    }

    @Test
    void anOverriddenMethodIsCalledAndOthersStill405() throws Exception {
        Handler hello = new Handler() {
            @Override
            public Response onRequestGet(Context ctx) {
                return Response.text("hi " + ctx.request().method());
            }
        };
        assertEquals("hi GET", hello.onRequestGet(ctx("GET")).bodyText());
        assertEquals(405, assertThrows(HttpException.class, () -> hello.onRequestPost(ctx("POST"))).status());
    }
}
