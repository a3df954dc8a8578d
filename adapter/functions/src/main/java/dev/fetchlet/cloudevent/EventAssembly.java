package dev.fetchlet.cloudevent;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.rw.CloudEventRWException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects one event's attributes and data as they are read, whatever the mode, then checks them against the
 * spec and builds the SDK's event. Context attributes are strings here; extensions may also be an
 * {@code Integer} or a {@code Boolean} (typed JSON values).
 */
final class EventAssembly {
    static final String V1 = "1.0";
    static final String V03 = "0.3";
    private static final Set<String> CORE_V1 =
            Set.of("specversion", "id", "source", "type", "datacontenttype", "dataschema", "subject", "time");
    private static final Set<String> CORE_V03 =
            Set.of("specversion", "id", "source", "type", "datacontenttype", "schemaurl", "subject", "time");
    private static final List<String> REQUIRED = List.of("id", "source", "type");

    private final String specVersion;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private CloudEventData data;

    private EventAssembly(String specVersion) {
        this.specVersion = specVersion;
    }

    /** An assembly for {@code specVersion}, or 400 when it is missing or not one this reader knows. */
    static EventAssembly of(String specVersion) {
        if (specVersion == null) {
            throw AttributeRules.invalid("missing required attribute(s) specversion");
        }
        if (!specVersion.equals(V1) && !specVersion.equals(V03)) {
            String shown = specVersion.length() > 20 ? specVersion.substring(0, 20) + "..." : specVersion;
            throw AttributeRules.invalid("unknown specversion '" + shown + "' (1.0 and 0.3 are supported)");
        }
        return new EventAssembly(specVersion);
    }

    String specVersion() {
        return specVersion;
    }

    boolean isContextAttribute(String name) {
        return (specVersion.equals(V1) ? CORE_V1 : CORE_V03).contains(name);
    }

    /** Adds an attribute after checking its name; a context attribute's value must be a String. */
    void put(String name, Object value) {
        AttributeRules.checkName(name);
        if (name.equals("data")) {
            throw AttributeRules.invalid("'data' is the event's data, not an attribute name");
        }
        if (attributes.putIfAbsent(name, value) != null) {
            throw AttributeRules.invalid("the attribute " + name + " is given more than once");
        }
    }

    String get(String name) {
        return attributes.get(name) instanceof String s ? s : null;
    }

    void data(CloudEventData data) {
        this.data = data;
    }

    /** The event, or 400 naming the first rule it breaks. */
    CloudEvent build() {
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (!attributes.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw AttributeRules.invalid("missing required attribute(s) " + String.join(", ", missing));
        }
        boolean v1 = specVersion.equals(V1);
        CloudEventBuilder builder = v1 ? CloudEventBuilder.v1() : CloudEventBuilder.v03();
        try {
            for (Map.Entry<String, Object> a : attributes.entrySet()) {
                String name = a.getKey();
                Object value = a.getValue();
                if (!isContextAttribute(name)) {
                    if (value instanceof Integer i) {
                        builder.withExtension(name, i);
                    } else if (value instanceof Boolean b) {
                        builder.withExtension(name, b);
                    } else {
                        builder.withExtension(name, (String) value);
                    }
                    continue;
                }
                String text = (String) value;
                switch (name) {
                    case "id" -> builder.withId(AttributeRules.nonEmpty(name, text));
                    case "source" -> builder.withSource(AttributeRules.uri(name, text, false));
                    case "type" -> builder.withType(AttributeRules.nonEmpty(name, text));
                    case "subject" -> builder.withSubject(AttributeRules.nonEmpty(name, text));
                    case "datacontenttype" -> builder.withDataContentType(AttributeRules.mediaType(name, text));
                    case "dataschema" -> builder.withDataSchema(AttributeRules.uri(name, text, true));
                    case "schemaurl" -> builder.withDataSchema(AttributeRules.uri(name, text, false));
                    case "time" -> builder.withTime(AttributeRules.time(name, text));
                    default -> throw new IllegalStateException("unhandled attribute " + name);
                }
            }
            if (data != null) {
                builder.withData(data);
            }
            return builder.build();
        } catch (CloudEventRWException | IllegalArgumentException e) {
            throw AttributeRules.invalid(String.valueOf(e.getMessage()));
        }
    }
}
