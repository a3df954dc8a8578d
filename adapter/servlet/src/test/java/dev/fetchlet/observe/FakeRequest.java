package dev.fetchlet.observe;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A servlet request with a method, a URI and headers, for the parts of telemetry that only read those. */
final class FakeRequest {
    private FakeRequest() {
    }

    static HttpServletRequest of(String method, String uri, Map<String, String> headers) {
        Map<String, String> byName = new LinkedHashMap<>();
        headers.forEach((k, v) -> byName.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getScheme" -> "http";
                    case "getServerName" -> "localhost";
                    case "getServerPort" -> 8080;
                    case "getRemoteAddr" -> "10.0.0.9";
                    case "getProtocol" -> "HTTP/1.1";
                    case "getHeader" -> byName.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT));
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
