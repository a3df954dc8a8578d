package dev.fetchlet.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fetchlet.Headers;
import dev.fetchlet.HttpException;
import dev.fetchlet.Response;
import dev.fetchlet.cloudevent.CloudEventReader;
import dev.fetchlet.cloudevent.CloudEventWriter;
import dev.fetchlet.cloudevent.SameEvent;
import dev.fetchlet.internal.MediaType;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Binary-mode reading: any header block and body either is a valid event or a 400, and a valid event written
 * back as {@code ce-*} headers and read again is the same event. The input is a message head as an HTTP parser
 * hands it over ({@code name: value} lines, a blank line, the body), so the kept inputs are readable.
 */
class CloudEventHeaderFuzzTest {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    @FuzzTest(maxDuration = "15s")
    void binaryEvents(byte[] input) throws Exception {
        int split = indexOf(input, new byte[] {'\n', '\n'});
        byte[] head = split < 0 ? input : Arrays.copyOf(input, split);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(input, split + 2, input.length);
        Headers headers = new Headers();
        // Servlet containers hand header values over as ISO-8859-1 characters, one per byte.
        for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\n")) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon);
            if (TOKEN.matcher(name).matches()) {
                // The container refuses CR and NUL in a field and trims the whitespace around its value.
                headers.append(name, line.substring(colon + 1).replaceAll("[\\r\\x00]", "").strip());
            }
        }
        CloudEventReader.Incoming incoming;
        try {
            incoming = CloudEventReader.read(headers, body);
        } catch (HttpException e) {
            // 415 is for a CloudEvents format other than JSON, such as application/cloudevents+xml.
            boolean otherFormat = CloudEventReader.CLOUDEVENTS_MEDIA_TYPE
                    .matcher(MediaType.essence(headers.first("Content-Type"))).matches();
            assertTrue(e.status() == 400 || otherFormat && e.status() == 415, e.status() + " " + e.getMessage());
            return;
        }
        if (incoming.mode() != CloudEventReader.Mode.BINARY) {
            return; // a Content-Type chose structured or batch mode: StructuredCloudEventFuzzTest's ground
        }
        CloudEvent event = incoming.events().get(0);
        Response written = CloudEventWriter.binary(event);
        CloudEvent again = CloudEventReader.read(written.headers(), written.bodyBytes()).events().get(0);
        assertNull(SameEvent.difference(event, again));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
