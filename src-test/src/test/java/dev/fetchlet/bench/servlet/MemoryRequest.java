package dev.fetchlet.bench.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A GET request held in memory, for driving servlet code in a JMH benchmark without a container. Written by
 * hand rather than mocked: a mock records every call and would swamp the allocation being measured. It
 * allocates only what a container must at the least (an enumeration per header lookup, an attribute entry);
 * {@link #recycle()} makes it ready for the next call, as a container recycles its request objects.
 *
 * <pre>{@code
 * MemoryRequest req = new MemoryRequest("GET", "/hello", "Host", "localhost", "Accept", "text/plain");
 * servlet.service(req, res);
 * req.recycle();
 * }</pre>
 *
 * Methods a simple GET never reaches throw {@link UnsupportedOperationException}.
 */
public final class MemoryRequest implements HttpServletRequest {
    private final String method;
    private final String uri;
    private final String[] headerNames;
    private final String[] headerValues;
    private final Map<String, Object> attributes = new HashMap<>();

    /** {@code headers} alternate names and values. */
    public MemoryRequest(String method, String uri, String... headers) {
        this.method = method;
        this.uri = uri;
        headerNames = new String[headers.length / 2];
        headerValues = new String[headers.length / 2];
        for (int i = 0; i < headerNames.length; i++) {
            headerNames[i] = headers[2 * i];
            headerValues[i] = headers[2 * i + 1];
        }
    }

    /** Forgets the attributes one call set. */
    public void recycle() {
        attributes.clear();
    }

    private int indexOf(String name) {
        for (int i = 0; i < headerNames.length; i++) {
            if (headerNames[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String getHeader(String name) {
        int i = indexOf(name);
        return i < 0 ? null : headerValues[i];
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        int i = indexOf(name);
        return i < 0 ? Collections.emptyEnumeration() : new Values(headerValues, i);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return new Values(headerNames, -1);
    }

    /** Enumerates one slot of an array, or all of it when the slot is -1. */
    private static final class Values implements Enumeration<String> {
        private final String[] values;
        private int next;
        private final int end;

        Values(String[] values, int slot) {
            this.values = values;
            this.next = slot < 0 ? 0 : slot;
            this.end = slot < 0 ? values.length : slot + 1;
        }

        @Override
        public boolean hasMoreElements() {
            return next < end;
        }

        @Override
        public String nextElement() {
            if (next >= end) {
                throw new NoSuchElementException();
            }
            return values[next++];
        }
    }

    @Override public String getMethod() { return method; }
    @Override public String getRequestURI() { return uri; }
    @Override public String getContextPath() { return ""; }
    @Override public String getServletPath() { return ""; }
    @Override public String getPathInfo() { return uri; }
    @Override public String getQueryString() { return null; }
    @Override public String getScheme() { return "http"; }
    @Override public String getServerName() { return "localhost"; }
    @Override public int getServerPort() { return 8080; }
    @Override public String getProtocol() { return "HTTP/1.1"; }
    @Override public boolean isSecure() { return false; }
    @Override public String getRemoteAddr() { return "127.0.0.1"; }
    @Override public String getRemoteHost() { return "127.0.0.1"; }
    @Override public int getRemotePort() { return 50000; }
    @Override public String getLocalAddr() { return "127.0.0.1"; }
    @Override public String getLocalName() { return "localhost"; }
    @Override public int getLocalPort() { return 8080; }
    @Override public int getContentLength() { return -1; }
    @Override public long getContentLengthLong() { return -1; }
    @Override public String getContentType() { return getHeader("Content-Type"); }
    @Override public String getCharacterEncoding() { return null; }
    @Override public void setCharacterEncoding(String env) { }
    @Override public Object getAttribute(String name) { return attributes.get(name); }
    @Override public void setAttribute(String name, Object o) { attributes.put(name, o); }
    @Override public void removeAttribute(String name) { attributes.remove(name); }
    @Override public boolean isAsyncStarted() { return false; }
    @Override public boolean isAsyncSupported() { return true; }
    @Override public DispatcherType getDispatcherType() { return DispatcherType.REQUEST; }
    @Override public long getDateHeader(String name) { return -1; }
    @Override public int getIntHeader(String name) { return -1; }
    @Override public Cookie[] getCookies() { return null; }
    @Override public String getAuthType() { return null; }
    @Override public String getRemoteUser() { return null; }
    @Override public Principal getUserPrincipal() { return null; }
    @Override public boolean isUserInRole(String role) { return false; }
    @Override public HttpSession getSession(boolean create) { return null; }

    @Override public Enumeration<String> getAttributeNames() { throw unsupported(); }
    @Override public ServletInputStream getInputStream() { throw unsupported(); }
    @Override public BufferedReader getReader() { throw unsupported(); }
    @Override public String getParameter(String name) { throw unsupported(); }
    @Override public Enumeration<String> getParameterNames() { throw unsupported(); }
    @Override public String[] getParameterValues(String name) { throw unsupported(); }
    @Override public Map<String, String[]> getParameterMap() { throw unsupported(); }
    @Override public Locale getLocale() { throw unsupported(); }
    @Override public Enumeration<Locale> getLocales() { throw unsupported(); }
    @Override public RequestDispatcher getRequestDispatcher(String path) { throw unsupported(); }
    @Override public ServletContext getServletContext() { throw unsupported(); }
    @Override public AsyncContext startAsync() { throw unsupported(); }
    @Override public AsyncContext startAsync(ServletRequest q, ServletResponse s) { throw unsupported(); }
    @Override public AsyncContext getAsyncContext() { throw unsupported(); }
    @Override public String getRequestId() { throw unsupported(); }
    @Override public String getProtocolRequestId() { throw unsupported(); }
    @Override public ServletConnection getServletConnection() { throw unsupported(); }
    @Override public String getPathTranslated() { throw unsupported(); }
    @Override public String getRequestedSessionId() { throw unsupported(); }
    @Override public StringBuffer getRequestURL() { throw unsupported(); }
    @Override public HttpSession getSession() { throw unsupported(); }
    @Override public String changeSessionId() { throw unsupported(); }
    @Override public boolean isRequestedSessionIdValid() { throw unsupported(); }
    @Override public boolean isRequestedSessionIdFromCookie() { throw unsupported(); }
    @Override public boolean isRequestedSessionIdFromURL() { throw unsupported(); }
    @Override public boolean authenticate(HttpServletResponse response) { throw unsupported(); }
    @Override public void login(String username, String password) { throw unsupported(); }
    @Override public void logout() { throw unsupported(); }
    @Override public Collection<Part> getParts() { throw unsupported(); }
    @Override public Part getPart(String name) { throw unsupported(); }
    @Override public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) { throw unsupported(); }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not needed by the benchmark");
    }
}
