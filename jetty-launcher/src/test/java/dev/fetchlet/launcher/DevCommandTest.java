package dev.fetchlet.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dev command's {@code --classpath}, taken out before the shared options are parsed. */
class DevCommandTest {

    @Test
    void classpathEntriesAreSplitOnThePathSeparatorAndTheOtherArgumentsKept() {
        List<Path> classpath = new ArrayList<>();
        String[] rest = DevCommand.withoutClasspath(new String[] {"--port", "0",
            "--classpath", "a.jar" + File.pathSeparator + "classes" + File.pathSeparator, "src/main/java"}, classpath);
        assertArrayEquals(new String[] {"--port", "0", "src/main/java"}, rest);
        assertEquals(List.of(Path.of("a.jar"), Path.of("classes")), classpath);
    }

    @Test
    void theEqualsFormWorksToo() {
        List<Path> classpath = new ArrayList<>();
        DevCommand.withoutClasspath(new String[] {"--classpath=b.jar", "app"}, classpath);
        assertEquals(List.of(Path.of("b.jar")), classpath);
    }

    @Test
    void aMissingValueIsAUsageError() {
        assertThrows(UsageException.class, () -> DevCommand.withoutClasspath(new String[] {"app", "--classpath"},
                new ArrayList<>()));
    }
}
