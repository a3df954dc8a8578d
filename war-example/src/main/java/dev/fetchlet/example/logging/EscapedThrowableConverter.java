package dev.fetchlet.example.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Logback's {@code %escapedEx}: the stack trace as {@code %ex} writes it, with the message of the exception, of
 * its causes and of the suppressed ones escaped as {@link EscapedMessageConverter} does. An exception message often
 * quotes the input that caused it (a query parameter, a JSON field), and would otherwise start a forged line;
 * the stack frames keep a line each, every one starting with a tab.
 *
 * <pre>{@code
 * <conversionRule conversionWord="escapedEx" class="dev.fetchlet.example.logging.EscapedThrowableConverter"/>
 * <pattern>%d %-5level - %escapedMsg%n%escapedEx</pattern>
 * }</pre>
 */
public class EscapedThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy thrown) {
        return super.throwableProxyToString(new EscapedMessages(thrown));
    }

    /** The exception seen with escaped messages, down its causes and suppressed exceptions. */
    private record EscapedMessages(IThrowableProxy original) implements IThrowableProxy {
        @Override
        public String getMessage() {
            return EscapedMessageConverter.escape(original.getMessage());
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
            IThrowableProxy cause = original.getCause();
            return cause == null ? null : new EscapedMessages(cause);
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = original.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] escaped = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                escaped[i] = new EscapedMessages(suppressed[i]);
            }
            return escaped;
        }

        @Override
        public boolean isCyclic() {
            return original.isCyclic();
        }
    }
}
