package dev.fetchlet.example.logging;

import ch.qos.logback.classic.pattern.MDCConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %escapedMdc{key:-default}}: an MDC value as {@code %X{key:-default}} writes it, escaped as
 * {@link EscapedMessageConverter} does. Request ids are Fetchlet's own, but an MDC value a handler or filter puts
 * there may come from a header.
 *
 * <pre>{@code
 * <conversionRule conversionWord="escapedMdc" class="dev.fetchlet.example.logging.EscapedMdcConverter"/>
 * <pattern>%d %-5level [req=%escapedMdc{requestId:--}] - %escapedMsg%n%escapedEx</pattern>
 * }</pre>
 */
public class EscapedMdcConverter extends MDCConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return EscapedMessageConverter.escape(super.convert(event));
    }
}
