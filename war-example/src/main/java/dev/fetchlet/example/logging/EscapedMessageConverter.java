package dev.fetchlet.example.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %escapedMsg}: the message as {@code %msg} writes it, with CR, LF, tab and every other control
 * character (C0, DEL, C1) and the Unicode line and paragraph separators as escapes ({@code \r}, {@code \n},
 * {@code \t}, {@code \}{@code u001b}), so that a request value in a log message (a path, a header, event data)
 * cannot start a forged log line or send escape sequences to a terminal. Backslashes are left as they are.
 *
 * <pre>{@code
 * <conversionRule conversionWord="escapedMsg" class="dev.fetchlet.example.logging.EscapedMessageConverter"/>
 * <pattern>%d %-5level [req=%escapedMdc{requestId:--}] - %escapedMsg%n%escapedEx</pattern>
 * }</pre>
 *
 * <p>MDC values are escaped by {@link EscapedMdcConverter} ({@code %escapedMdc}), exception messages by
 * {@link EscapedThrowableConverter} ({@code %escapedEx}).
 */
public class EscapedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return escape(super.convert(event));
    }

    /** {@code text} with its control characters and line separators escaped; {@code null} stays {@code null}. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out == null) {
                continue;
            }
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (control) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
