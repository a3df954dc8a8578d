package dev.fetchlet.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** Just enough of a {@code Content-Type} value: its essence and its parameters. */
public final class MediaType {
    private MediaType() {
    }

    /** {@code "text/html"} of {@code "Text/HTML; charset=utf-8"}; empty for null. */
    public static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * A parameter's value, unquoted, or null. A quoted value may hold {@code ;} and {@code \"}, as in
     * {@code filename="a;b \"c\".txt"}; other backslashes stay, since browsers send Windows paths unescaped.
     */
    public static String parameter(String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        int len = contentType.length();
        int i = contentType.indexOf(';');
        while (i >= 0 && i < len) {
            int eq = contentType.indexOf('=', i + 1);
            int semi = contentType.indexOf(';', i + 1);
            if (eq < 0) {
                return null;
            }
            if (semi >= 0 && semi < eq) { // a parameter without a value
                i = semi;
                continue;
            }
            String key = contentType.substring(i + 1, eq).trim();
            int p = eq + 1;
            while (p < len && (contentType.charAt(p) == ' ' || contentType.charAt(p) == '\t')) {
                p++;
            }
            String value;
            if (p < len && contentType.charAt(p) == '"') {
                StringBuilder sb = new StringBuilder();
                for (p++; p < len; p++) {
                    char c = contentType.charAt(p);
                    if (c == '\\' && p + 1 < len && (contentType.charAt(p + 1) == '"' || contentType.charAt(p + 1) == '\\')) {
                        sb.append(contentType.charAt(++p));
                    } else if (c == '"') {
                        p++;
                        break;
                    } else {
                        sb.append(c);
                    }
                }
                value = sb.toString();
                i = contentType.indexOf(';', p);
            } else {
                i = contentType.indexOf(';', p);
                value = contentType.substring(p, i < 0 ? len : i).trim();
            }
            if (key.equalsIgnoreCase(name)) {
                return value;
            }
        }
        return null;
    }

    /** The charset a body is declared in; UTF-8 when absent or unknown, as JSON and most clients assume. */
    public static Charset charset(String contentType) {
        String name = parameter(contentType, "charset");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
