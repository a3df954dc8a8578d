package dev.fetchlet.routing;

/**
 * One parsed segment of a route pattern.
 *
 * @param role what the segment matches
 * @param text the literal for a static segment, the parameter name otherwise
 */
record Segment(Role role, String text) {

    /** Declared in precedence order: a static segment beats a parameter, which beats a catch-all. */
    enum Role { STATIC, PARAM, CATCH_ALL }

    /** The segment as written in a normalized pattern: {@code users}, {@code [id]} or {@code [[rest]]}. */
    String source() {
        switch (role) {
            case PARAM:
                return "[" + text + "]";
            case CATCH_ALL:
                return "[[" + text + "]]";
            default:
                return text;
        }
    }

    /** The segment with its parameter name erased: two patterns with equal shapes serve the same paths. */
    String shape() {
        switch (role) {
            case PARAM:
                return "[]";
            case CATCH_ALL:
                return "[[]]";
            default:
                return text;
        }
    }
}
