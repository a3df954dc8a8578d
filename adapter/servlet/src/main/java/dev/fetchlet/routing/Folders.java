package dev.fetchlet.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Folders as middleware names them ({@code /}, {@code /api}, {@code /api/private}) and the folders a request path
 * lies in. Segments are compared decoded, as the router compares static segments, so {@code /ap%69/private}
 * lies in {@code /api/private} just as it reaches its routes.
 */
public final class Folders {
    private Folders() {
    }

    /**
     * A folder in its one spelling: {@code /} or {@code /a/b}, without a trailing slash.
     *
     * @throws InvalidRouteException for a path that is not static segments: brackets, dot segments, empty
     *     segments, a missing leading slash
     */
    public static String normalize(String folder) throws InvalidRouteException {
        if (folder == null || !folder.startsWith("/")) {
            throw new InvalidRouteException("A middleware folder starts with '/': '" + folder + "'");
        }
        String f = folder.length() > 1 && folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        if (f.equals("/")) {
            return f;
        }
        for (String segment : f.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("[")
                    || segment.contains("]") || segment.contains("%") || segment.contains("\\")) {
                throw new InvalidRouteException("A middleware folder is static segments such as /api/private: '"
                        + folder + "'");
            }
        }
        return f;
    }

    /**
     * The folders {@code rawPath} lies in, outermost first: {@code /}, {@code /api}, {@code /api/users} and
     * {@code /api/users/7} for {@code /api/users/7}. Empty segments are skipped, so {@code /api//users} lies in
     * the same folders as {@code /api/users}, and so is a segment's {@code ;parameter}.
     *
     * @param rawPath the path as sent, which {@link RouteTable#match} has accepted
     * @param depth at most this many segments are looked at (the depth of the deepest folder of interest)
     */
    public static List<String> enclosing(String rawPath, int depth) {
        List<String> folders = new ArrayList<>(depth + 1);
        folders.add("/");
        StringBuilder folder = new StringBuilder();
        int i = 1;
        while (i <= rawPath.length() && folders.size() <= depth) {
            int segmentEnd = segmentEnd(rawPath, i);
            int nameEnd = nameEnd(rawPath, i, segmentEnd);
            if (nameEnd > i) {
                folder.append('/').append(RawPath.segment(rawPath, i, nameEnd));
                folders.add(folder.toString());
            }
            i = segmentEnd + 1;
        }
        return folders;
    }

    /**
     * How much of {@code rawPath} {@link #enclosing} reads for {@code depth}: two paths that agree up to there lie in
     * the same folders, so the prefix can key a cache of what the folders lead to.
     */
    public static String enclosingKey(String rawPath, int depth) {
        int found = 0;
        int i = 1;
        while (i <= rawPath.length() && found < depth) {
            int segmentEnd = segmentEnd(rawPath, i);
            if (nameEnd(rawPath, i, segmentEnd) > i) {
                found++;
            }
            i = segmentEnd + 1;
        }
        return found < depth || i - 1 >= rawPath.length() ? rawPath : rawPath.substring(0, i - 1);
    }

    // Where the segment starting at i ends: the next '/', or the end of the path.
    private static int segmentEnd(String rawPath, int i) {
        int slash = rawPath.indexOf('/', i);
        return slash < 0 ? rawPath.length() : slash;
    }

    // Where the segment's name ends: a ";parameter" is dropped, as servers do before they look for a static file
    // (Tomcat). An empty name (an empty segment, or one that is only a parameter) is no folder.
    private static int nameEnd(String rawPath, int i, int segmentEnd) {
        int semicolon = rawPath.indexOf(';', i);
        return semicolon >= 0 && semicolon < segmentEnd ? semicolon : segmentEnd;
    }
}
