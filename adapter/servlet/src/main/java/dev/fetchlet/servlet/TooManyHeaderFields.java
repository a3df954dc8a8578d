package dev.fetchlet.servlet;

/**
 * A request carrying more header fields than {@code FUNC_MAX_HEADER_FIELDS} allows: the client's mistake, answered
 * 431 (RFC 6585 section 5), so it carries no stack trace.
 */
final class TooManyHeaderFields extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyHeaderFields(int limit) {
        super("The request has more than " + limit + " header fields", null, false, false);
    }
}
