package dev.fetchlet.launcher;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * The launcher's console line, written by hand: what the Logback pattern
 * {@code %d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} %X{requestId:--} %msg%n} gives, followed by the stack
 * trace of an exception, except that the message, the request id and the exception messages are written with
 * {@link LogEscaping}: a request value in any of them (a path, a header, event data) cannot start a new line.
 * An access log line ({@value #ACCESS_LOG}) is written alone, so it stays one JSON object (its JSON escapes
 * control characters itself). Logback's {@code PatternLayout} would do the same, but its class initialisation
 * spins some sixty lambda classes: a measurable share of a cold start.
 */
final class LauncherLogLayout extends LayoutBase<ILoggingEvent> {

    /** The adapter's access log logger: its lines are written as they are. */
    static final String ACCESS_LOG = "dev.fetchlet.access";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(36);
    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
        if (ACCESS_LOG.equals(event.getLoggerName())) {
            // An access log line is a JSON object and stays one: a prefix would make it something else.
            return event.getFormattedMessage() + CoreConstants.LINE_SEPARATOR;
        }
        StringBuilder line = new StringBuilder(128);
        TIME.formatTo(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone), line);
        line.append(' ');
        String level = event.getLevel().toString();
        line.append(level);
        for (int pad = level.length(); pad < 5; pad++) {
            line.append(' ');
        }
        line.append(" [");
        LogEscaping.append(line, event.getThreadName()).append("] ");
        line.append(abbreviator.abbreviate(event.getLoggerName())).append(' ');
        // requestId: put into the MDC by the Fetchlet adapter for the duration of each request.
        String requestId = event.getMDCPropertyMap().get("requestId");
        if (requestId == null) {
            line.append('-');
        } else {
            LogEscaping.append(line, requestId);
        }
        line.append(' ');
        LogEscaping.append(line, event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(LogEscaping.escapeMessages(thrown)))
                .append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }
}
