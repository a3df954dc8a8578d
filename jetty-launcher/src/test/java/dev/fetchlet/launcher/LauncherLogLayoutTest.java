package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.CoreConstants;

class LauncherLogLayoutTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void writesTimeLevelThreadAbbreviatedLoggerRequestIdAndMessage() {
        LoggingEvent event = event(Level.INFO, "Started {}", null);
        event.setMDCPropertyMap(Map.of("requestId", "7f3a"));

        String line = layout().doLayout(event);

        String time = LocalTime.ofInstant(java.time.Instant.ofEpochMilli(event.getTimeStamp()), ZoneId.systemDefault())
            .format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS"));
        assertEquals(time + " INFO  [main] o.e.j.e.s.ServletContextHandler 7f3a Started app" + CoreConstants.LINE_SEPARATOR,
            line);
    }

    @Test
    void aMissingRequestIdIsADashAndAnExceptionItsStackTrace() {
        LoggingEvent event = event(Level.ERROR, "Stop failed", new IllegalStateException("boom"));
        event.setMDCPropertyMap(Map.of());

        String text = layout().doLayout(event);

        assertTrue(text.contains(" ERROR [main] o.e.j.e.s.ServletContextHandler - Stop failed" + CoreConstants.LINE_SEPARATOR
            + "java.lang.IllegalStateException: boom"), text);
        assertTrue(text.contains("\tat dev.fetchlet.launcher.LauncherLogLayoutTest."), text);
    }

    @Test
    void anAccessLogLineIsWrittenAlone() {
        ch.qos.logback.classic.Logger access = context.getLogger("dev.fetchlet.access");
        LoggingEvent event = new LoggingEvent(LauncherLogLayoutTest.class.getName(), access, Level.INFO, "{}", null,
            new Object[] {"{\"status\":200}"});
        event.setMDCPropertyMap(Map.of("requestId", "7f3a"));

        assertEquals("{\"status\":200}" + CoreConstants.LINE_SEPARATOR, layout().doLayout(event));
    }

    private LauncherLogLayout layout() {
        LauncherLogLayout layout = new LauncherLogLayout();
        layout.setContext(context);
        layout.start();
        return layout;
    }

    private LoggingEvent event(Level level, String message, Throwable thrown) {
        ch.qos.logback.classic.Logger logger = context.getLogger("org.eclipse.jetty.ee10.servlet.ServletContextHandler");
        LoggingEvent event = new LoggingEvent(LauncherLogLayoutTest.class.getName(), logger, level, message, thrown,
            new Object[] {"app"});
        event.setThreadName("main");
        return event;
    }
}
