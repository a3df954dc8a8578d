package dev.fetchlet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ctx.env()}: the {@code .env} format, and process environment over context parameters over {@code .env}. */
class EnvironmentTest {

    @TempDir
    Path dir;

    private Path dotEnv(String content) throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void dotEnvFormat() {
        Map<String, String> env = Environment.parseDotEnv(List.of(
                "# a comment",
                "",
                "PLAIN=value",
                "  SPACED =  padded value  ",
                "export EXPORTED=yes",
                "DOUBLE=\"quoted # not a comment\"",
                "SINGLE='single quoted'",
                "TRAILING=value # comment",
                "HASH=a#b",
                "EMPTY=",
                "EQUALS=a=b=c",
                "UNICODE=Zürich",
                "no equals sign",
                "=no key"));
        assertEquals("value", env.get("PLAIN"));
        assertEquals("padded value", env.get("SPACED"));
        assertEquals("yes", env.get("EXPORTED"));
        assertEquals("quoted # not a comment", env.get("DOUBLE"));
        assertEquals("single quoted", env.get("SINGLE"));
        assertEquals("value", env.get("TRAILING"));
        assertEquals("a#b", env.get("HASH"));
        assertEquals("", env.get("EMPTY"));
        assertEquals("a=b=c", env.get("EQUALS"));
        assertEquals("Zürich", env.get("UNICODE"));
        assertEquals(List.of("PLAIN", "SPACED", "EXPORTED", "DOUBLE", "SINGLE", "TRAILING", "HASH", "EMPTY", "EQUALS",
                "UNICODE"), List.copyOf(env.keySet()));
    }

    @Test
    void laterLineWinsForTheSameKey() {
        assertEquals("2", Environment.parseDotEnv(List.of("K=1", "K=2")).get("K"));
    }

    @Test
    void processEnvironmentBeatsContextParametersBeatsDotEnv() throws IOException {
        Path file = dotEnv("A=dotenv\nB=dotenv\nC=dotenv\n");
        Map<String, String> params = Map.of("B", "param", "C", "param");
        Map<String, String> env = Environment.build(Map.of("C", "process"), List.of("B", "C"), params::get, file);
        assertEquals("dotenv", env.get("A"));
        assertEquals("param", env.get("B"));
        assertEquals("process", env.get("C"));
    }

    @Test
    void missingOrAbsentDotEnvIsFine() throws IOException {
        Map<String, String> env = Environment.build(Map.of("X", "1"), List.of(), k -> null, dir.resolve("nope.env"));
        assertEquals(Map.of("X", "1"), env);
        assertEquals(Map.of("X", "1"), Environment.build(Map.of("X", "1"), List.of(), k -> null, null));
    }

    @Test
    void aDirectoryNamedDotEnvIsIgnored() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder.env"));
        assertNull(Environment.build(Map.of(), List.of(), k -> null, folder).get("X"));
    }

    @Test
    void resultIsReadOnly() throws IOException {
        Map<String, String> env = Environment.build(Map.of("X", "1"), List.of(), k -> null, null);
        assertThrows(UnsupportedOperationException.class, () -> env.put("Y", "2"));
    }
}
