package dev.fetchlet.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import org.junit.jupiter.api.Test;

/** The path arithmetic of the request a mounted app sees, in a web app at {@code /shop} and at the root. */
class MountedRequestTest {

    /** The container's request for {@code uri} (and query) in a web app at {@code contextPath}. */
    private static HttpServletRequest sent(String contextPath, String uri, String query) {
        HttpServletRequest req = mock(HttpServletRequest.class);
        when(req.getContextPath()).thenReturn(contextPath);
        when(req.getRequestURI()).thenReturn(uri);
        when(req.getQueryString()).thenReturn(query);
        when(req.getRequestURL()).thenAnswer(i -> new StringBuffer("http://example.com:8080" + uri));
        return req;
    }

    @Test
    void prefixMovesIntoTheContextPath() {
        HttpServletRequest base = sent("/shop", "/shop/express/users/7", "x=1");
        MountedRequest r = MountedRequest.of(base, "/express", "/users/7", "ExpressApp");

        assertEquals("/shop/express", r.getContextPath());
        assertEquals("", r.getServletPath());
        assertEquals("/users/7", r.getPathInfo());
        assertEquals("/shop/express/users/7", r.getRequestURI());
        assertEquals("http://example.com:8080/shop/express/users/7", r.getRequestURL().toString());
        assertEquals("x=1", r.getQueryString());
        assertNull(r.getPathTranslated());
        assertSame(base, r.getRequest());
    }

    @Test
    void contextPathPlusServletPathPlusPathInfoSpellTheRequestUri() {
        MountedRequest r = MountedRequest.of(sent("/shop", "/shop/api/v1/a/b/", null), "/api/v1", "/a/b/", "App");

        assertEquals(r.getRequestURI(), r.getContextPath() + r.getServletPath() + r.getPathInfo());
        assertEquals("/a/b/", r.getPathInfo());
    }

    @Test
    void folderWithoutSlashIsTheAppsRoot() {
        MountedRequest r = MountedRequest.of(sent("/shop", "/shop/express", "q=1"), "/express", "/", "App");

        assertEquals("/shop/express", r.getContextPath());
        assertEquals("/", r.getPathInfo());
        assertEquals("/shop/express/", r.getRequestURI());
        assertEquals("http://example.com:8080/shop/express/", r.getRequestURL().toString());
        assertEquals("q=1", r.getQueryString());
    }

    @Test
    void folderWithSlashIsTheAppsRoot() {
        MountedRequest r = MountedRequest.of(sent("", "/express/", null), "/express", "/", "App");

        assertEquals("/express", r.getContextPath());
        assertEquals("/", r.getPathInfo());
        assertEquals("/express/", r.getRequestURI());
    }

    @Test
    void rootWebAppAndRootMount() {
        MountedRequest r = MountedRequest.of(sent("", "/users/7", null), "", "/users/7", "App");

        assertEquals("", r.getContextPath());
        assertEquals("/users/7", r.getPathInfo());
        assertEquals("/users/7", r.getRequestURI());
    }

    @Test
    void contextPathStaysEncodedAndPathInfoIsDecoded() {
        HttpServletRequest base = sent("", "/caf%C3%A9/a%20b/%E2%9C%93", null);
        MountedRequest r = MountedRequest.of(base, "/caf%C3%A9", "/a%20b/%E2%9C%93", "App");

        assertEquals("/caf%C3%A9", r.getContextPath());
        assertEquals("/a b/\u2713", r.getPathInfo());
        assertEquals("/caf%C3%A9/a%20b/%E2%9C%93", r.getRequestURI());
    }

    @Test
    void pathParametersAreDroppedFromPathInfoOnly() {
        HttpServletRequest base = sent("", "/express/users;v=1/7;jsessionid=abc", null);
        MountedRequest r = MountedRequest.of(base, "/express", "/users;v=1/7;jsessionid=abc", "App");

        assertEquals("/users/7", r.getPathInfo());
        assertEquals("/express/users;v=1/7;jsessionid=abc", r.getRequestURI());
    }

    @Test
    void plusIsNotASpaceInAPath() {
        MountedRequest r = MountedRequest.of(sent("", "/m/a+b", null), "/m", "/a+b", "App");

        assertEquals("/a+b", r.getPathInfo());
    }

    @Test
    void mappingIsAPathMappingOfTheWholeMount() {
        HttpServletMapping m = MountedRequest.of(sent("", "/express/users/7", null), "/express", "/users/7", "ExpressApp")
                .getHttpServletMapping();

        assertEquals("/*", m.getPattern());
        assertEquals(MappingMatch.PATH, m.getMappingMatch());
        assertEquals("users/7", m.getMatchValue());
        assertEquals("ExpressApp", m.getServletName());
    }

    @Test
    void malformedPrefixOrRemainderIsRefused() {
        HttpServletRequest base = sent("", "/express/x", null);

        assertThrows(IllegalArgumentException.class, () -> MountedRequest.of(base, "/express/", "/x", "App"));
        assertThrows(IllegalArgumentException.class, () -> MountedRequest.of(base, "express", "/x", "App"));
        assertThrows(IllegalArgumentException.class, () -> MountedRequest.of(base, "/express", "x", "App"));
    }
}
