package dev.fetchlet.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fetchlet.AsyncHandler;
import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Request;
import dev.fetchlet.Response;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Method dispatch of a handler class: which method runs, OPTIONS, HEAD, 405 and {@code Allow}. */
class HandlerMethodsTest {

    static class GetOnly implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return Response.text("get");
        }
    }

    static class AnyOnly implements Handler {
        @Override
        public Response onRequest(Context ctx) {
            return Response.text("any " + ctx.request().method());
        }
    }

    static class GetAndAny implements Handler {
        @Override
        public Response onRequest(Context ctx) {
            return Response.text("any");
        }

        @Override
        public Response onRequestGet(Context ctx) {
            return Response.text("get");
        }
    }

    static class Everything implements Handler {
        @Override public Response onRequestGet(Context ctx) { return Response.text("get"); }
        @Override public Response onRequestHead(Context ctx) { return Response.text("head"); }
        @Override public Response onRequestPost(Context ctx) { return Response.text("post"); }
        @Override public Response onRequestPut(Context ctx) { return Response.text("put"); }
        @Override public Response onRequestPatch(Context ctx) { return Response.text("patch"); }
        @Override public Response onRequestDelete(Context ctx) { return Response.text("delete"); }
        @Override public Response onRequestOptions(Context ctx) { return Response.text("options"); }
    }

    static class DeletePostOptions implements Handler {
        @Override public Response onRequestDelete(Context ctx) { return Response.text("delete"); }
        @Override public Response onRequestPost(Context ctx) { return Response.text("post"); }
        @Override public Response onRequestOptions(Context ctx) { return Response.empty(200); }
    }

    static class InheritsGet extends GetOnly {
    }

    static class AsyncGet implements AsyncHandler {
        @Override
        public CompletionStage<Response> onRequestGet(Context ctx) {
            return CompletableFuture.completedFuture(Response.text("async get"));
        }
    }

    static class AsyncAny implements AsyncHandler {
        @Override
        public CompletionStage<Response> onRequest(Context ctx) {
            return CompletableFuture.supplyAsync(() -> Response.text("async any"));
        }
    }

    static class AsyncNullStage implements AsyncHandler {
        @Override
        public CompletionStage<Response> onRequestPost(Context ctx) {
            return null;
        }
    }

    static class Neither {
    }

    static class Overrides0 implements Handler {
    }

    static class Overrides0Async implements AsyncHandler {
    }

    private static Context ctx(String method) {
        return Context.builder(Request.builder(method, "http://localhost/x").build()).build();
    }

    private static String body(HandlerMethods e, String method) throws Exception {
        Dispatch d = e.dispatch(method);
        assertEquals(Dispatch.Action.INVOKE, d.action(), method);
        Result result = e.invoke(d, ctx(method));
        Response response = result instanceof Result.Pending pending
                ? pending.stage().toCompletableFuture().get() : ((Result.Ready) result).response();
        return response.bodyText();
    }

    @Test
    void methodSpecificHandlerWinsOverOnRequest() throws Exception {
        HandlerMethods e = HandlerMethods.of(new GetAndAny());
        assertEquals("get", body(e, "GET"));
        assertEquals("any", body(e, "POST"));
        assertEquals("any", body(e, "DELETE"));
        assertEquals("any", body(e, "OPTIONS"), "onRequest answers OPTIONS too");
    }

    @Test
    void headFallsBackToTheGetHandlerWithoutBody() throws Exception {
        HandlerMethods e = HandlerMethods.of(new GetOnly());
        Dispatch head = e.dispatch("HEAD");
        assertEquals(Dispatch.Action.INVOKE, head.action());
        assertEquals(HttpMethod.GET, head.call());
        assertTrue(head.omitBody());
        assertEquals("get", body(e, "HEAD"));
        assertFalse(e.dispatch("GET").omitBody());
    }

    @Test
    void headPrefersTheGetHandlerOverOnRequest() throws Exception {
        // RFC 9110: HEAD answers with the headers GET would have, so the GET handler serves it.
        HandlerMethods e = HandlerMethods.of(new GetAndAny());
        Dispatch head = e.dispatch("HEAD");
        assertEquals(HttpMethod.GET, head.call());
        assertTrue(head.omitBody());
        assertEquals("get", body(e, "HEAD"));
    }

    @Test
    void headWithOnlyOnRequestRunsOnRequestWithoutBody() throws Exception {
        HandlerMethods e = HandlerMethods.of(new AnyOnly());
        Dispatch head = e.dispatch("HEAD");
        assertNull(head.call());
        assertTrue(head.omitBody());
        assertEquals("any HEAD", body(e, "HEAD"));
    }

    @Test
    void ownHeadHandlerIsUsedAndStillSendsNoBody() throws Exception {
        HandlerMethods e = HandlerMethods.of(new Everything());
        assertEquals(HttpMethod.HEAD, e.dispatch("HEAD").call());
        assertTrue(e.dispatch("HEAD").omitBody());
        assertEquals("head", body(e, "HEAD"));
    }

    @Test
    void everyMethodReachesItsOwnHandler() throws Exception {
        HandlerMethods e = HandlerMethods.of(new Everything());
        for (HttpMethod m : HttpMethod.values()) {
            assertEquals(m.name().toLowerCase(java.util.Locale.ROOT), body(e, m.name()));
            assertEquals(m, e.dispatch(m.name()).call());
        }
        assertEquals("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", e.allow());
        assertEquals(EnumSet.allOf(HttpMethod.class), e.served());
    }

    @Test
    void optionsIsAnsweredAutomaticallyOnlyWithoutAHandler() {
        Dispatch auto = HandlerMethods.of(new GetOnly()).dispatch("OPTIONS");
        assertEquals(Dispatch.Action.AUTO_OPTIONS, auto.action());
        assertTrue(auto.omitBody());
        Dispatch own = HandlerMethods.of(new DeletePostOptions()).dispatch("OPTIONS");
        assertEquals(Dispatch.Action.INVOKE, own.action());
        assertEquals(HttpMethod.OPTIONS, own.call());
        assertEquals(Dispatch.Action.INVOKE, HandlerMethods.of(new AnyOnly()).dispatch("OPTIONS").action());
    }

    @Test
    void methodsWithoutAHandlerAreNotAllowed() {
        HandlerMethods e = HandlerMethods.of(new GetOnly());
        for (String m : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertEquals(Dispatch.Action.NOT_ALLOWED, e.dispatch(m).action(), m);
        }
        assertEquals("GET, HEAD, OPTIONS", e.allow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "CONNECT", "PROPFIND", "get", "BREW"})
    void unknownMethodsAreNotAllowedEvenWithOnRequest(String method) {
        assertEquals(Dispatch.Action.NOT_ALLOWED, HandlerMethods.of(new AnyOnly()).dispatch(method).action());
        assertEquals(Dispatch.Action.NOT_ALLOWED, HandlerMethods.of(new Everything()).dispatch(method).action());
    }

    @Test
    void allowListsMethodsInFixedOrderWhateverTheDeclarationOrder() {
        HandlerMethods e = HandlerMethods.of(new DeletePostOptions());
        assertEquals("POST, DELETE, OPTIONS", e.allow());
        assertEquals(Dispatch.Action.NOT_ALLOWED, e.dispatch("HEAD").action(), "no GET handler, so no HEAD");
        assertEquals("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", HandlerMethods.of(new AnyOnly()).allow());
    }

    @Test
    void describeMethodsShowsStarForOnRequest() {
        assertEquals("*", HandlerMethods.of(new AnyOnly()).describeMethods());
        assertEquals("*", HandlerMethods.of(new GetAndAny()).describeMethods());
        assertEquals("GET, HEAD, OPTIONS", HandlerMethods.of(new GetOnly()).describeMethods());
    }

    @Test
    void inheritedOverridesCount() throws Exception {
        HandlerMethods e = HandlerMethods.of(new InheritsGet());
        assertEquals("get", body(e, "GET"));
        assertEquals(InheritsGet.class.getName(), e.source());
    }

    @Test
    void asyncHandlerReturnsItsStage() throws Exception {
        HandlerMethods e = HandlerMethods.of(new AsyncGet());
        assertInstanceOf(Result.Pending.class, e.invoke(e.dispatch("GET"), ctx("GET")));
        assertEquals("async get", body(e, "GET"));
        assertEquals("async get", body(e, "HEAD"));
        assertTrue(e.dispatch("HEAD").omitBody());
        assertEquals(Dispatch.Action.NOT_ALLOWED, e.dispatch("POST").action());
        assertEquals("async any", body(HandlerMethods.of(new AsyncAny()), "PATCH"));
    }

    @Test
    void asyncHandlerReturningNullStageFailsNamingTheClass() {
        HandlerMethods e = HandlerMethods.of(new AsyncNullStage());
        IllegalStateException ex = assertThrows(IllegalStateException.class, () -> e.invoke(e.dispatch("POST"), ctx("POST")));
        assertTrue(ex.getMessage().contains(AsyncNullStage.class.getName()), ex.getMessage());
    }

    @Test
    void handlerExceptionsPropagateUnchanged() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        HandlerMethods e = HandlerMethods.of(new Handler() {
            @Override
            public Response onRequestPost(Context ctx) {
                throw boom;
            }
        });
        assertSame(boom, assertThrows(IllegalArgumentException.class, () -> e.invoke(e.dispatch("POST"), ctx("POST"))));
    }

    @Test
    void nullResponseIsPassedThrough() throws Exception {
        HandlerMethods e = HandlerMethods.of(new Both0());
        assertEquals(new Result.Ready(null), e.invoke(e.dispatch("GET"), ctx("GET")));
    }

    static class Both0 implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return null;
        }
    }

    // A class implementing both Handler and AsyncHandler cannot be compiled (their methods differ only in return
    // type), and java.lang.reflect.Proxy refuses such a pair too, so HandlerMethods's "both" refusal is a safety net only.

    @Test
    void classImplementingNeitherInterfaceIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandlerMethods.of(new Neither()));
        assertTrue(e.getMessage().contains(Neither.class.getName()), e.getMessage());
    }

    @Test
    void classOverridingNothingIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HandlerMethods.of(new Overrides0()));
        assertTrue(e.getMessage().contains(Overrides0.class.getName()), e.getMessage());
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class, () -> HandlerMethods.of(new Overrides0Async()));
        assertTrue(a.getMessage().contains(Overrides0Async.class.getName()), a.getMessage());
    }

    @Test
    void handlerInstanceIsKept() {
        GetOnly h = new GetOnly();
        assertSame(h, HandlerMethods.of(h).handler());
    }
}
