package dev.fetchlet.mount;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.MappingMatch;
import java.util.Objects;

/**
 * The request a mounted app sees: the route's prefix moved into the context path, as if the app were a web app of
 * its own deployed there and mapped to {@code /*}. For {@code /express/[[default]]} in a web app at context path
 * {@code /shop}, a request for {@code /shop/express/users/7?x=1} reads:
 *
 * <pre>{@code
 * MountedRequest r = MountedRequest.of(request, "/express", "/users/7", "ExpressApp");
 * r.getContextPath();  // "/shop/express"
 * r.getServletPath();  // ""
 * r.getPathInfo();     // "/users/7"  (percent-decoded, path parameters removed)
 * r.getRequestURI();   // "/shop/express/users/7"  (as sent)
 * r.getQueryString();  // "x=1"
 * }</pre>
 *
 * <p>The mount's folder itself, {@code /shop/express} or {@code /shop/express/}, reaches the app as {@code /}: its
 * path info is {@code /} and its request URI {@code /shop/express/}, so that context path + servlet path + path
 * info still spell the request URI, which frameworks rely on to find their own path.
 */
final class MountedRequest extends HttpServletRequestWrapper {
    private final String contextPath;
    private final String pathInfo;
    private final String requestUri;
    private final String servletName;

    private MountedRequest(HttpServletRequest request, String contextPath, String pathInfo, String requestUri,
                           String servletName) {
        super(request);
        this.contextPath = contextPath;
        this.pathInfo = pathInfo;
        this.requestUri = requestUri;
        this.servletName = servletName;
    }

    /**
     * Wraps a request that reached a mount.
     *
     * @param request      the request as the container passed it
     * @param rawPrefix    where the app is mounted, below the web app's context path, as sent (still
     *                     percent-encoded), without a trailing slash: {@code /express}, or {@code ""} at the root
     * @param rawRemainder the rest of the path as sent, starting with {@code /}: {@code /users/7}, or {@code /} for
     *                     the mount's folder itself
     * @param servletName  the name the app's servlet goes by, for {@link #getHttpServletMapping()}
     */
    public static MountedRequest of(HttpServletRequest request, String rawPrefix, String rawRemainder,
                                    String servletName) {
        Objects.requireNonNull(request, "request");
        if (!rawPrefix.isEmpty() && (!rawPrefix.startsWith("/") || rawPrefix.endsWith("/"))) {
            throw new IllegalArgumentException("prefix must be empty or start, and not end, with '/': " + rawPrefix);
        }
        if (!rawRemainder.startsWith("/")) {
            throw new IllegalArgumentException("remainder must start with '/': " + rawRemainder);
        }
        String contextPath = request.getContextPath() + rawPrefix;
        return new MountedRequest(request, contextPath, MountPaths.decode(rawRemainder), contextPath + rawRemainder,
                servletName);
    }

    /** The web app's context path followed by the mount's prefix, still encoded as sent. */
    @Override
    public String getContextPath() {
        return contextPath;
    }

    /** Always {@code ""}: the app is mapped to {@code /*} within its mount. */
    @Override
    public String getServletPath() {
        return "";
    }

    /** The path below the mount, percent-decoded; {@code /} for the mount's folder itself. */
    @Override
    public String getPathInfo() {
        return pathInfo;
    }

    /** Null: the app's paths do not name files of the web app. */
    @Override
    public String getPathTranslated() {
        return null;
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = super.getRequestURL();
        String sent = super.getRequestURI();
        if (!sent.equals(requestUri) && url.toString().endsWith(sent)) {
            url.setLength(url.length() - sent.length());
            url.append(requestUri);
        }
        return url;
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
        String matchValue = pathInfo.substring(1);
        return new HttpServletMapping() {
            @Override
            public String getMatchValue() {
                return matchValue;
            }

            @Override
            public String getPattern() {
                return "/*";
            }

            @Override
            public String getServletName() {
                return servletName;
            }

            @Override
            public MappingMatch getMappingMatch() {
                return MappingMatch.PATH;
            }
        };
    }
}
