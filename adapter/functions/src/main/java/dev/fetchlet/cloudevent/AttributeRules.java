package dev.fetchlet.cloudevent;

import dev.fetchlet.HttpException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What CloudEvents 1.0.2 (and 0.3) require of attribute names and values, checked as the spec is written
 * rather than as one SDK accepts: every failure is a 400 naming the attribute and what is wrong with it.
 */
final class AttributeRules {
    /** The spec: lower-case letters and digits, and "SHOULD NOT exceed 20 characters". */
    static final int MAX_NAME_LENGTH = 20;

    private static final Pattern NAME = Pattern.compile("[a-z0-9]{1," + MAX_NAME_LENGTH + "}");
    // RFC 3339 date-time: full date, 'T', full time with seconds, optional fraction, 'Z' or a +hh:mm offset.
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    // RFC 2046 / RFC 9110 media type: type "/" subtype, then parameters whose values are tokens or quoted.
    private static final Pattern MEDIA_TYPE = Pattern.compile(TOKEN + "/" + TOKEN
            + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"([^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\"))*\\s*");

    private AttributeRules() {
    }

    static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
            throw invalid("the attribute name '" + shown + "' is not allowed: names are 1 to " + MAX_NAME_LENGTH
                    + " lower-case letters (a-z) and digits (0-9)");
        }
    }

    static String nonEmpty(String name, String value) {
        if (value.isEmpty()) {
            throw invalid("the attribute " + name + " is empty; the spec requires a non-empty value");
        }
        return value;
    }

    /** A URI-reference ({@code source}, 0.3's {@code schemaurl}), or an absolute URI when {@code absolute}. */
    static URI uri(String name, String value, boolean absolute) {
        nonEmpty(name, value);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid("the attribute " + name + " is not a valid URI reference");
        }
        if (absolute && !uri.isAbsolute()) {
            throw invalid("the attribute " + name + " must be an absolute URI");
        }
        return uri;
    }

    static OffsetDateTime time(String name, String value) {
        if (!RFC3339.matcher(value).matches()) {
            throw invalid("the attribute " + name + " is not an RFC 3339 timestamp such as 2018-04-05T17:31:00Z");
        }
        try {
            return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw invalid("the attribute " + name + " is not a valid RFC 3339 timestamp (a field is out of range)");
        }
    }

    static String mediaType(String name, String value) {
        nonEmpty(name, value);
        if (!MEDIA_TYPE.matcher(value).matches()) {
            throw invalid("the attribute " + name + " is not a media type such as application/json");
        }
        return value;
    }

    static HttpException invalid(String reason) {
        return HttpException.badRequest("Invalid CloudEvent: " + reason);
    }
}
