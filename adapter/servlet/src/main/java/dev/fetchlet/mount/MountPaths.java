package dev.fetchlet.mount;

import dev.fetchlet.internal.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Path arithmetic for mounts: turning the raw path below a mount into the decoded path info containers give. */
final class MountPaths {
    private MountPaths() {
    }

    /**
     * Percent-decodes a raw path as UTF-8 and drops each segment's path parameters ({@code ;jsessionid=...}), as
     * Tomcat and Jetty do for {@code getPathInfo()}. A {@code +} stays a {@code +}: it means a space only in
     * queries. The router has already refused malformed escapes, encoded slashes and dot segments.
     */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf(';') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        boolean inParameter = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '/') {
                inParameter = false;
            } else if (inParameter) {
                continue;
            } else if (c == ';') {
                inParameter = true;
                continue;
            }
            int high = c == '%' && i + 2 < raw.length() ? Hex.digit(raw.charAt(i + 1)) : -1;
            int low = high >= 0 ? Hex.digit(raw.charAt(i + 2)) : -1;
            if (low >= 0) {
                out.write(high << 4 | low);
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                int codePoint = raw.codePointAt(i);
                byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
