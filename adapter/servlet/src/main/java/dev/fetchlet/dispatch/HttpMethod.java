package dev.fetchlet.dispatch;

/** The seven methods Node Functions' handlers name, in the order an {@code Allow} header lists them. */
enum HttpMethod {
    GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS;

    /** The method for a request's method name, or null for any other (TRACE, PROPFIND, ..., or null). Case-sensitive. */
    public static HttpMethod of(String name) {
        if (name == null) {
            return null;
        }
        switch (name) {
            case "GET": return GET;
            case "HEAD": return HEAD;
            case "POST": return POST;
            case "PUT": return PUT;
            case "PATCH": return PATCH;
            case "DELETE": return DELETE;
            case "OPTIONS": return OPTIONS;
            default: return null;
        }
    }

    /** The name of the handler method that serves this method, e.g. {@code onRequestGet}. */
    public String handlerMethodName() {
        String n = name();
        return "onRequest" + n.charAt(0) + n.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
