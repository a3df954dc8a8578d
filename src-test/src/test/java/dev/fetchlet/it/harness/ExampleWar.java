package dev.fetchlet.it.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build left the example WAR: the {@code fetchlet.exampleWar} system property the POM sets. */
final class ExampleWar {

    static final String PROPERTY = "fetchlet.exampleWar";

    private ExampleWar() {
    }

    static Path path() {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            throw new IllegalStateException("System property " + PROPERTY + " is not set; run the suite through Maven");
        }
        Path war = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("Example WAR not found at " + war + "; build the war-example module first");
        }
        return war;
    }
}
