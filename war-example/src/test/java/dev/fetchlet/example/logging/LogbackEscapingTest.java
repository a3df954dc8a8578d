package dev.fetchlet.example.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example's {@code logback.xml}, as the WAR ships it: a request value in the message, in the request id or in
 * an exception message stays on its log line, its control characters spelled out.
 */
class LogbackEscapingTest {
    private static final String NL = System.lineSeparator();

    private LoggerContext context;
    private Encoder<ILoggingEvent> encoder;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void configureFromTheShippedFile() throws Exception {
        URL shipped = LogbackEscapingTest.class.getClassLoader().getResource("logback.xml");
        context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(shipped);
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        encoder = console.getEncoder();
        assertTrue(context.getStatusManager().getCopyOfStatusList().stream().allMatch(s -> s.getLevel() < 2),
                () -> "logback.xml has errors: " + context.getStatusManager().getCopyOfStatusList());
    }

    @Test
    void aForgedLineInTheMessageStaysOnItsLine() {
        String text = write(event("GET {}", null, "/express/x\r\n12:00:00.000 INFO  [main] admin logged in"), Map.of());

        assertOneLine(text);
        assertTrue(text.endsWith(" - GET /express/x\\r\\n12:00:00.000 INFO  [main] admin logged in" + NL), text);
    }

    @Test
    void controlCharactersOfEveryKindAreSpelledOut() {
        String text = write(event("{}", null, "a\tb\u0000c\u001b[31md\u007fe\u0085f\u2028g\u2029h"), Map.of());

        assertOneLine(text);
        assertTrue(text.endsWith(" - a\\tb\\u0000c\\u001b[31md\\u007fe\\u0085f\\u2028g\\u2029h" + NL), text);
    }

    @Test
    void aForgedLineInTheRequestIdStaysOnItsLine() {
        String text = write(event("served", null, null),
                Map.of("requestId", "r1\n12:00:00.000 ERROR forged", "trace_id", "t1\r\nforged"));

        assertOneLine(text);
        assertTrue(text.contains(" [req=r1\\n12:00:00.000 ERROR forged trace=t1\\r\\nforged] - served" + NL), text);
    }

    @Test
    void exceptionMessagesAreEscapedWhileTheFramesKeepTheirLines() {
        IllegalArgumentException cause = new IllegalArgumentException("id=7\r\n12:00:00.000 INFO  cause forged");
        IllegalStateException thrown = new IllegalStateException("q=1\n12:00:00.000 INFO  forged", cause);
        String text = write(event("GET /db failed", thrown, null), Map.of());

        assertTrue(text.contains(NL + "java.lang.IllegalStateException: q=1\\n12:00:00.000 INFO  forged" + NL), text);
        assertTrue(text.contains(NL + "Caused by: java.lang.IllegalArgumentException: id=7\\r\\n12:00:00.000 INFO"
                + "  cause forged" + NL), text);
        String[] lines = text.split(NL);
        assertTrue(lines[0].endsWith(" - GET /db failed"), text);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            assertTrue(line.startsWith("\t") || line.startsWith("java.lang.") || line.startsWith("Caused by: "),
                    () -> "a line no frame explains: " + line);
        }
    }

    private String write(LoggingEvent event, Map<String, String> mdc) {
        event.setMDCPropertyMap(mdc);
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private LoggingEvent event(String message, Throwable thrown, Object argument) {
        ch.qos.logback.classic.Logger logger = context.getLogger("dev.fetchlet.example.express.ExpressApp");
        LoggingEvent event = new LoggingEvent(LogbackEscapingTest.class.getName(), logger, Level.INFO, message, thrown,
                argument == null ? null : new Object[] {argument});
        event.setThreadName("qtp-1");
        return event;
    }

    private static void assertOneLine(String text) {
        assertEquals(text.length() - NL.length(), text.indexOf(NL), text);
        assertEquals(-1, text.indexOf('\r') < text.length() - NL.length() ? text.substring(0, text.length()
                - NL.length()).indexOf('\r') : -1, text);
        assertEquals(1, text.chars().filter(c -> c == '\n').count(), text);
    }
}
