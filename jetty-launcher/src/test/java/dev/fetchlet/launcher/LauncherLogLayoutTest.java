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
    void aForgedLineInTheMessageStaysOnItsLine() {
        LoggingEvent event = event(Level.INFO, "GET {}", null,
            "/x\r\n12:00:00.000 INFO  [main] admin logged in \u001b[31m");
        event.setMDCPropertyMap(Map.of());

        String line = layout().doLayout(event);

        assertOnePhysicalLine(line);
        assertTrue(line.endsWith(" - GET /x\\r\\n12:00:00.000 INFO  [main] admin logged in \\u001b[31m"
            + CoreConstants.LINE_SEPARATOR), line);
    }

    @Test
    void controlCharactersOfEveryKindAreSpelledOut() {
        LoggingEvent event = event(Level.INFO, "{}", null, "a\tb\u0000c\u007fd\u0085e\u009bf\u2028g\u2029h\\n");
        event.setMDCPropertyMap(Map.of());

        String line = layout().doLayout(event);

        assertOnePhysicalLine(line);
        assertTrue(line.endsWith(" - a\\tb\\u0000c\\u007fd\\u0085e\\u009bf\\u2028g\\u2029h\\n"
            + CoreConstants.LINE_SEPARATOR), line);
    }

    @Test
    void aForgedLineInTheRequestIdStaysOnItsLine() {
        LoggingEvent event = event(Level.INFO, "Started {}", null);
        event.setMDCPropertyMap(Map.of("requestId", "7f3a\n12:00:00.000 ERROR forged"));

        String line = layout().doLayout(event);

        assertOnePhysicalLine(line);
        assertTrue(line.contains(" 7f3a\\n12:00:00.000 ERROR forged Started app"), line);
    }

    @Test
    void exceptionMessagesAreEscapedWhileTheFramesKeepTheirLines() {
        IllegalArgumentException cause = new IllegalArgumentException("bad id\r\n12:00:00.000 INFO  cause forged");
        IllegalStateException thrown = new IllegalStateException("q=1\n12:00:00.000 INFO  forged", cause);
        thrown.addSuppressed(new RuntimeException("suppressed\nforged"));
        LoggingEvent event = event(Level.ERROR, "Request failed", thrown);
        event.setMDCPropertyMap(Map.of());

        String text = layout().doLayout(event);

        assertTrue(text.contains("java.lang.IllegalStateException: q=1\\n12:00:00.000 INFO  forged"
            + CoreConstants.LINE_SEPARATOR), text);
        assertTrue(text.contains("Caused by: java.lang.IllegalArgumentException: bad id\\r\\n12:00:00.000 INFO  cause"
            + " forged" + CoreConstants.LINE_SEPARATOR), text);
        assertTrue(text.contains("Suppressed: java.lang.RuntimeException: suppressed\\nforged"), text);
        for (String line : text.split(CoreConstants.LINE_SEPARATOR)) {
            assertTrue(line.startsWith("\t") || line.startsWith("java.lang.") || line.startsWith("Caused by: ")
                || line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ERROR .*"),
                () -> "a line no frame explains: " + line);
        }
    }

    private static void assertOnePhysicalLine(String text) {
        assertEquals(1, text.split(CoreConstants.LINE_SEPARATOR, -1).length - 1, text);
        assertTrue(text.indexOf('\r') < 0 || CoreConstants.LINE_SEPARATOR.contains("\r"), text);
        assertTrue(text.chars().filter(c -> c == '\n').count() == 1, text);
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
        return event(level, message, thrown, "app");
    }

    private LoggingEvent event(Level level, String message, Throwable thrown, String argument) {
        ch.qos.logback.classic.Logger logger = context.getLogger("org.eclipse.jetty.ee10.servlet.ServletContextHandler");
        LoggingEvent event = new LoggingEvent(LauncherLogLayoutTest.class.getName(), logger, level, message, thrown,
            new Object[] {argument});
        event.setThreadName("main");
        return event;
    }
}
