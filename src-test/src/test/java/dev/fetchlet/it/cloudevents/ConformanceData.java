package dev.fetchlet.it.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the data files under {@code src/test/resources/cloudevents/} (see the README there) into requests:
 * the conformance repository's JSON-format events and batches (structured and batch mode), its YAML events
 * (binary and structured mode), the spec's own examples, and Fetchlet's regression cases.
 */
final class ConformanceData {
    static final String STRUCTURED = "application/cloudevents+json";
    static final String BATCH = "application/cloudevents-batch+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "/cloudevents/";

    private ConformanceData() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        jsonFormat(cases, "valid-events.json", "format/json valid events", true, false);
        jsonFormat(cases, "invalid-events.json", "format/json invalid events", false, false);
        jsonFormat(cases, "valid-batches.json", "format/json valid batches", true, true);
        jsonFormat(cases, "invalid-batches.json", "format/json invalid batches", false, true);
        for (String file : List.of("yaml/v1.0/v1_minimum.yaml", "yaml/v1.yaml", "yaml/v0.3/v03_minimum.yaml", "yaml/v03.yaml")) {
            yaml(cases, file);
        }
        examples(cases, "spec/examples.json", "spec examples");
        examples(cases, "regressions.json", "regressions");
        return cases;
    }

    private static void jsonFormat(List<ConformanceCase> cases, String file, String category, boolean valid,
                                   boolean batch) {
        JsonNode tests = read("conformance/format/json/" + file).get("tests");
        for (JsonNode test : tests) {
            JsonNode payload = batch ? test.get("batch") : test.get("event");
            cases.add(new ConformanceCase(category, test.get("id").asText(), valid,
                    Map.of("Content-Type", batch ? BATCH : STRUCTURED), bytes(payload)));
        }
    }

    private static void yaml(List<ConformanceCase> cases, String file) {
        String text = new String(resource("conformance/" + file), StandardCharsets.UTF_8);
        List<ConformanceYaml.Event> events = ConformanceYaml.read(text);
        for (int i = 0; i < events.size(); i++) {
            ConformanceYaml.Event event = events.get(i);
            String name = file + " #" + (i + 1) + (event.comment().isEmpty() ? "" : " (" + event.comment() + ")");
            if (event.mode() == null || event.mode().equals("binary")) {
                cases.add(new ConformanceCase("yaml binary", name, true, binaryHeaders(event),
                        event.data() == null ? new byte[0] : event.data().getBytes(StandardCharsets.UTF_8)));
            }
            if (event.mode() == null || event.mode().equals("structured")) {
                cases.add(new ConformanceCase("yaml structured", name, true, Map.of("Content-Type", STRUCTURED),
                        bytes(structured(event))));
            }
        }
    }

    // Binary mode: each attribute a ce- header, percent-encoded as the HTTP binding asks; the data is the body.
    private static Map<String, String> binaryHeaders(ConformanceYaml.Event event) {
        Map<String, String> headers = new LinkedHashMap<>();
        Map<String, String> all = new LinkedHashMap<>(event.attributes());
        all.putAll(event.extensions());
        all.forEach((name, value) -> {
            if (name.equals("datacontenttype")) {
                headers.put("Content-Type", value);
            } else {
                headers.put("ce-" + name, percentEncode(value));
            }
        });
        return headers;
    }

    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c > 0x20 && c < 0x7F && c != '"' && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    // Structured mode: JSON data as a JSON value, other data as a string (JSON format 3.1).
    private static JsonNode structured(ConformanceYaml.Event event) {
        Map<String, Object> json = new LinkedHashMap<>(event.attributes());
        json.putAll(event.extensions());
        String type = event.attributes().get("datacontenttype");
        if (event.data() != null) {
            Object data = event.data();
            if (type == null || type.startsWith("application/json")) {
                try {
                    data = JSON.readTree(event.data());
                } catch (IOException e) {
                    data = event.data();
                }
            }
            json.put("data", data);
        }
        return JSON.valueToTree(json);
    }

    private static void examples(List<ConformanceCase> cases, String file, String category) {
        for (JsonNode test : read(file).get("tests")) {
            String mode = test.get("mode").asText();
            String name = test.get("id").asText();
            boolean valid = !test.has("valid") || test.get("valid").asBoolean();
            switch (mode) {
                case "binary" -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = test.get("headers").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> h = it.next();
                        headers.put(h.getKey(), h.getValue().asText());
                    }
                    byte[] body = test.has("bodyBase64") ? Base64.getDecoder().decode(test.get("bodyBase64").asText())
                            : test.get("body").asText().getBytes(StandardCharsets.UTF_8);
                    cases.add(new ConformanceCase(category, name, valid, headers, body));
                }
                case "structured", "batch" -> {
                    String contentType = test.has("contentType") ? test.get("contentType").asText()
                            : mode.equals("batch") ? BATCH : STRUCTURED;
                    JsonNode payload = mode.equals("batch") ? test.get("batch") : test.get("event");
                    byte[] body = test.has("raw") ? test.get("raw").asText().getBytes(StandardCharsets.UTF_8)
                            : bytes(payload);
                    cases.add(new ConformanceCase(category, name, valid, Map.of("Content-Type", contentType), body));
                }
                default -> throw new IllegalStateException("unknown mode " + mode + " in " + name);
            }
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String path) {
        try {
            return JSON.readTree(resource(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = ConformanceData.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + ROOT + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
