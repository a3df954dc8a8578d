package dev.fetchlet.cloudevent;

import io.cloudevents.CloudEvent;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;

/** Whether two events are the same to a receiver: same attributes (time as an instant), same data bytes. */
public final class SameEvent {
    private SameEvent() {
    }

    /** Null when the same, else what differs. */
    public static String difference(CloudEvent a, CloudEvent b) {
        if (a.getSpecVersion() != b.getSpecVersion()) {
            return "specversion " + a.getSpecVersion() + " vs " + b.getSpecVersion();
        }
        if (!a.getAttributeNames().equals(b.getAttributeNames())) {
            return "attribute names " + a.getAttributeNames() + " vs " + b.getAttributeNames();
        }
        for (String name : a.getAttributeNames()) {
            Object x = a.getAttribute(name);
            Object y = b.getAttribute(name);
            boolean same = x instanceof OffsetDateTime t && y instanceof OffsetDateTime u
                    ? t.toInstant().equals(u.toInstant()) : Objects.equals(x, y);
            if (!same) {
                return name + ": " + x + " vs " + y;
            }
        }
        if (!a.getExtensionNames().equals(b.getExtensionNames())) {
            return "extension names " + a.getExtensionNames() + " vs " + b.getExtensionNames();
        }
        for (String name : a.getExtensionNames()) {
            if (!Objects.equals(a.getExtension(name), b.getExtension(name))) {
                return name + ": " + a.getExtension(name) + " vs " + b.getExtension(name);
            }
        }
        if ((a.getData() == null) != (b.getData() == null)) {
            return "data " + a.getData() + " vs " + b.getData();
        }
        if (a.getData() != null) {
            if (a.getData() instanceof StructuredData.Json x && b.getData() instanceof StructuredData.Json y) {
                return x.value().equals(y.value()) ? null : "data " + x.value() + " vs " + y.value();
            }
            if (!Arrays.equals(a.getData().toBytes(), b.getData().toBytes())) {
                return "data bytes differ";
            }
        }
        return null;
    }
}
