package dev.fetchlet.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seven handler methods: names, lookup and {@code Allow} order. */
class HttpMethodTest {

    @Test
    void ofFindsEachOfTheSeven() {
        for (HttpMethod m : HttpMethod.values()) {
            assertEquals(m, HttpMethod.of(m.name()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "Get", "TRACE", "CONNECT", "PROPFIND", "", " GET", "GET "})
    void otherNamesAreUnknownAndMatchingIsCaseSensitive(String name) {
        assertNull(HttpMethod.of(name));
    }

    @Test
    void nullIsUnknown() {
        assertNull(HttpMethod.of(null));
    }

    @Test
    void handlerMethodNames() {
        assertEquals("onRequestGet", HttpMethod.GET.handlerMethodName());
        assertEquals("onRequestHead", HttpMethod.HEAD.handlerMethodName());
        assertEquals("onRequestPost", HttpMethod.POST.handlerMethodName());
        assertEquals("onRequestPut", HttpMethod.PUT.handlerMethodName());
        assertEquals("onRequestPatch", HttpMethod.PATCH.handlerMethodName());
        assertEquals("onRequestDelete", HttpMethod.DELETE.handlerMethodName());
        assertEquals("onRequestOptions", HttpMethod.OPTIONS.handlerMethodName());
    }

    @Test
    void declarationOrderIsTheAllowOrder() {
        assertEquals(List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                HttpMethod.DELETE, HttpMethod.OPTIONS), List.of(HttpMethod.values()));
    }
}
