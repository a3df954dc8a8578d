package dev.fetchlet.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build left the WARs the suite deploys, from system properties the POM sets: the example app
 * ({@code fetchlet.exampleWar}), and the conformance WAR ({@code fetchlet.conformanceWar}), which is the example
 * app with the suite's fixtures under {@code /conformance} laid over it. The containers run the conformance WAR.
 */
public final class Wars {

    static final String EXAMPLE_PROPERTY = "fetchlet.exampleWar";
    static final String CONFORMANCE_PROPERTY = "fetchlet.conformanceWar";

    private Wars() {
    }

    /** The example app's WAR, as a user builds it. */
    public static Path example() {
        return path(EXAMPLE_PROPERTY, "war-example");
    }

    /** The example app plus the conformance fixtures: what every container under test serves. */
    public static Path conformance() {
        return path(CONFORMANCE_PROPERTY, "src-test/conformance-war");
    }

    private static Path path(String property, String module) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; run the suite through Maven");
        }
        Path war = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("WAR not found at " + war + "; build the " + module + " module first");
        }
        return war;
    }
}
