package dev.fetchlet.launcher;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Keeps a value that came from a request from starting a new log line: CR, LF, tab and every other control
 * character (C0, DEL, C1) and the Unicode line and paragraph separators are written as escapes, {@code \r},
 * {@code \n}, {@code \t} or {@code \}{@code u001b}. A forged "line" then stays inside the real one, and a
 * terminal's escape sequences are shown rather than run. Backslashes are left alone, so that Windows paths
 * stay readable; the escapes still cannot break a line.
 */
final class LogEscaping {

    private LogEscaping() {
    }

    /** Appends {@code text} to {@code out}, escaped; {@code null} as {@code "null"}, as SLF4J would write it. */
    static StringBuilder append(StringBuilder out, String text) {
        if (text == null) {
            return out.append("null");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                out.append("\\u").append(String.format("%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out;
    }

    /** {@code text} escaped. */
    static String escape(String text) {
        return append(new StringBuilder(text == null ? 4 : text.length() + 8), text).toString();
    }

    /**
     * The exception as Logback would print it, with each message (its own, its causes', the suppressed ones')
     * escaped; the stack frames stay one per line, each starting with a tab.
     */
    static IThrowableProxy escapeMessages(IThrowableProxy thrown) {
        return thrown == null ? null : new EscapedMessages(thrown);
    }

    private record EscapedMessages(IThrowableProxy original) implements IThrowableProxy {
        @Override
        public String getMessage() {
            String message = original.getMessage();
            return message == null ? null : escape(message);
        }

        @Override
        public String getClassName() {
            return original.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return original.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return original.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return escapeMessages(original.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = original.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] escaped = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                escaped[i] = escapeMessages(suppressed[i]);
            }
            return escaped;
        }

        @Override
        public boolean isCyclic() {
            return original.isCyclic();
        }
    }
}
