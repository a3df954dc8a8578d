package dev.fetchlet.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A servlet request and response pair that keeps what is done to it (headers, status, body, attributes, async
 * listeners), for tests of the pipeline without a container. The container's part only: what Fetchlet does
 * with it is the real code.
 */
final class FakeExchange {
    final Map<String, String> requestHeaders = new LinkedHashMap<>();
    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, String> responseHeaders = new LinkedHashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    final List<AsyncListener> asyncListeners = new ArrayList<>();
    String method = "GET";
    String uri = "/";
    int status = 200;
    boolean asyncStarted;

    final HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                case "getMethod" -> method;
                case "getRequestURI" -> uri;
                case "getContextPath", "getQueryString" -> m.getName().equals("getContextPath") ? "" : null;
                case "getScheme" -> "http";
                case "getServerName" -> "localhost";
                case "getServerPort" -> 8080;
                case "getRemoteAddr" -> "127.0.0.1";
                case "getContentLengthLong" -> requestHeaders.containsKey("Content-Length")
                        ? Long.parseLong(requestHeaders.get("Content-Length")) : -1L;
                case "getHeader" -> requestHeaders.get((String) args[0]);
                case "getHeaderNames" -> Collections.enumeration(requestHeaders.keySet());
                case "getHeaders" -> Collections.enumeration(requestHeaders.containsKey((String) args[0])
                        ? List.of(requestHeaders.get((String) args[0])) : List.of());
                case "getAttribute" -> attributes.get((String) args[0]);
                case "setAttribute" -> attributes.put((String) args[0], args[1]);
                case "isAsyncStarted" -> asyncStarted;
                case "getAsyncContext" -> asyncContext();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
            });

    final HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                case "setHeader" -> responseHeaders.put((String) args[0], (String) args[1]);
                case "addHeader" -> responseHeaders.merge((String) args[0], (String) args[1], (a, b) -> a + ", " + b);
                case "getHeader" -> responseHeaders.get((String) args[0]);
                case "setStatus" -> status = (Integer) args[0];
                case "getStatus" -> status;
                case "setContentType" -> responseHeaders.put("Content-Type", (String) args[0]);
                case "setContentLength" -> responseHeaders.put("Content-Length", String.valueOf(args[0]));
                case "getOutputStream" -> output();
                case "isCommitted" -> false;
                case "reset" -> {
                    responseHeaders.clear();
                    body.reset();
                    status = 200;
                    yield null;
                }
                case "resetBuffer" -> {
                    body.reset();
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> null;
            });

    String bodyText() {
        return body.toString(StandardCharsets.UTF_8);
    }

    private ServletOutputStream output() {
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
    }

    private AsyncContext asyncContext() {
        return (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AsyncContext.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("addListener")) {
                        asyncListeners.add((AsyncListener) args[0]);
                    }
                    return null;
                });
    }
}
