package dev.fetchlet.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build left the example WAR, which every container under test serves: the {@code fetchlet.exampleWar}
 * system property the POM sets. It carries the example app and the suite's fixtures under {@code /conformance}.
 */
public final class Wars {

    static final String EXAMPLE_PROPERTY = "fetchlet.exampleWar";

    private Wars() {
    }

    /** The example app's WAR, as the build made it. */
    public static Path example() {
        String value = System.getProperty(EXAMPLE_PROPERTY);
        if (value == null) {
            throw new IllegalStateException("System property " + EXAMPLE_PROPERTY
                    + " is not set; run the suite through Maven");
        }
        Path war = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("WAR not found at " + war + "; build the war-example module first");
        }
        return war;
    }
}
