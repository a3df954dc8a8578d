package dev.fetchlet.routing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Real source files, such as {@code functions/api/users/[id].java}, compiled by the JDK's {@code javac} into a
 * folder and loaded by a class loader of their own: the class files carry exactly what a build writes.
 *
 * <pre>{@code
 * ClassLoader loader = new CompiledSources(tempDir)
 *         .file("functions/api/users/[id].java", "package functions.api.users; class User {}")
 *         .compile();
 * }</pre>
 */
public final class CompiledSources {
    private final Path root;
    private final Map<String, String> files = new LinkedHashMap<>();

    public CompiledSources(Path root) {
        this.root = root;
    }

    /** Adds a source file at {@code path}, relative to the source root. */
    public CompiledSources file(String path, String source) {
        files.put(path, source);
        return this;
    }

    /** Compiles with javac's defaults (source file names recorded) and loads the result. */
    public ClassLoader compile() {
        return compile(List.of());
    }

    /** Compiles with extra javac options, such as {@code -g:none}, and loads the result. */
    public ClassLoader compile(List<String> options) {
        try {
            Path sources = Files.createDirectories(root.resolve("src"));
            Path classes = Files.createDirectories(root.resolve("classes"));
            List<String> args = new ArrayList<>(options);
            args.addAll(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                    "-proc:none", "-encoding", "UTF-8"));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = sources.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = javac.run(null, errors, errors, args.toArray(String[]::new));
            assertTrue(status == 0, "javac failed: " + errors.toString(StandardCharsets.UTF_8));
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, CompiledSources.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
