package dev.fetchlet.bench.plain;

import jakarta.servlet.http.HttpServletRequest;

/** The one segment after a prefix mapping ({@code /api/users/*}): {@code /1024} gives {@code 1024}. */
final class PathId {
    private PathId() {
    }

    /** The segment, or null when there is none or more than one. */
    static String of(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.length() < 2 || info.indexOf('/', 1) >= 0) {
            return null;
        }
        return info.substring(1);
    }
}
