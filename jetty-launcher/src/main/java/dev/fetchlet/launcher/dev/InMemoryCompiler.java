package dev.fetchlet.launcher.dev;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources with the JDK's own compiler ({@code javax.tools}) into memory, against the launcher's
 * classpath (the Fetchlet adapter, the Servlet and WebSocket APIs, Jackson, SLF4J).
 *
 * <p>A source that does not compile is left out and the rest compiled again, until what remains compiles: one
 * broken handler costs its own route, not the app. Class files keep their source file names ({@code -g}), from
 * which routes are derived.
 */
final class InMemoryCompiler implements AutoCloseable {
    private final JavaCompiler javac;
    private final String classpath;
    /** Kept across builds: it caches the classpath's jars, which javac would otherwise open again each time. */
    private final StandardJavaFileManager files;

    private InMemoryCompiler(JavaCompiler javac, String classpath) {
        this.javac = javac;
        this.classpath = classpath;
        this.files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    }

    /**
     * A compiler against this JVM's classpath.
     *
     * @throws IllegalStateException on a Java runtime without a compiler (a JRE): the dev server needs a JDK
     */
    static InMemoryCompiler forThisJvm() {
        return forThisJvm(List.of());
    }

    /**
     * A compiler against this JVM's classpath followed by {@code extraClasspath} (a project's libraries).
     *
     * @throws IllegalStateException on a Java runtime without a compiler (a JRE): the dev server needs a JDK
     */
    static InMemoryCompiler forThisJvm(List<Path> extraClasspath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("The dev server compiles Java sources and needs a JDK, but this Java"
                    + " runtime has no compiler (" + System.getProperty("java.home") + "). Run the launcher with a"
                    + " JDK's java.");
        }
        StringBuilder classpath = new StringBuilder(System.getProperty("java.class.path", ""));
        for (Path entry : extraClasspath) {
            classpath.append(File.pathSeparatorChar).append(entry);
        }
        return new InMemoryCompiler(javac, classpath.toString());
    }

    /** Compiles {@code sources}, leaving out those that do not compile, and what only they made fail. */
    Compilation compile(List<Path> sources) {
        Set<Path> remaining = new LinkedHashSet<>(sources);
        Map<Path, List<CompileProblem>> broken = new LinkedHashMap<>();
        while (true) {
            Round round = round(remaining, Map.of());
            if (round.errors.isEmpty()) {
                return new Compilation(round.classes, orderedLike(sources, broken));
            }
            Map<Path, List<CompileProblem>> byFile = new LinkedHashMap<>();
            for (CompileProblem p : round.errors) {
                byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
            }
            if (byFile.containsKey(null) || !remaining.containsAll(byFile.keySet())) {
                // An error no source can be blamed for: nothing compiles.
                for (Path source : remaining) {
                    broken.put(source, round.errors);
                }
                return new Compilation(Map.of(), orderedLike(sources, broken));
            }
            broken.putAll(byFile);
            remaining.removeAll(byFile.keySet());
        }
    }

    /**
     * Compiles generated sources (binary class name to text), which must compile.
     *
     * @throws IllegalStateException with javac's errors if they do not
     */
    Map<String, byte[]> compileGenerated(Map<String, String> sources) {
        Round round = round(Set.of(), sources);
        if (!round.errors.isEmpty()) {
            throw new IllegalStateException("Generated code does not compile: " + round.errors);
        }
        return round.classes;
    }

    private Round round(Set<Path> sources, Map<String, String> generated) {
        List<JavaFileObject> units = new ArrayList<>();
        Map<JavaFileObject, Path> paths = new HashMap<>();
        for (Path source : sources) {
            for (JavaFileObject unit : files.getJavaFileObjects(source)) {
                units.add(unit);
                paths.put(unit, source);
            }
        }
        generated.forEach((name, text) -> units.add(new GeneratedSource(name, text)));
        if (units.isEmpty()) {
            return new Round(Map.of(), List.of());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> classes = new ConcurrentHashMap<>();
        // Not closed after the round: that would close the shared file manager.
        JavaFileManager memory = new MemoryOutput(files, classes);
        List<String> options = List.of("-classpath", classpath, "-proc:none", "-implicit:none", "-g",
                "-parameters", "-encoding", "UTF-8", "-Xlint:none", "-nowarn");
        boolean ok = javac.getTask(null, memory, diagnostics, options, null, units).call();
        List<CompileProblem> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(problem(d, paths));
            }
        }
        if (!ok && errors.isEmpty()) {
            errors.add(new CompileProblem(null, 0, 0, "javac failed without saying why", ""));
        }
        return new Round(ok ? classes : Map.of(), errors);
    }

    @Override
    public void close() {
        try {
            files.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompileProblem problem(Diagnostic<? extends JavaFileObject> d, Map<JavaFileObject, Path> paths) {
        JavaFileObject source = d.getSource();
        Path file = source == null || source instanceof GeneratedSource ? null
                : paths.getOrDefault(source, Path.of(source.toUri()));
        long line = Math.max(0, d.getLineNumber());
        String text = "";
        if (source != null && line > 0) {
            try {
                String[] lines = source.getCharContent(true).toString().split("\r\n|\r|\n", -1);
                text = line <= lines.length ? lines[(int) line - 1] : "";
            } catch (IOException e) {
                text = "";
            }
        }
        return new CompileProblem(file, line, Math.max(0, d.getColumnNumber()), d.getMessage(Locale.ROOT), text);
    }

    private static Map<Path, List<CompileProblem>> orderedLike(List<Path> sources,
                                                               Map<Path, List<CompileProblem>> broken) {
        Map<Path, List<CompileProblem>> ordered = new LinkedHashMap<>();
        for (Path source : sources) {
            if (broken.containsKey(source)) {
                ordered.put(source, List.copyOf(broken.get(source)));
            }
        }
        return ordered;
    }

    private record Round(Map<String, byte[]> classes, List<CompileProblem> errors) {
    }

    /** Keeps javac's class files in a map instead of writing them to disk. */
    private static final class MemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, byte[]> classes;

        MemoryOutput(StandardJavaFileManager standard, Map<String, byte[]> classes) {
            super(standard);
            this.classes = classes;
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            URI uri = URI.create("mem:///" + className.replace('.', '/') + kind.extension);
            return new SimpleJavaFileObject(uri, kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }

    /** A source held in a string, named after its class as javac expects. */
    private static final class GeneratedSource extends SimpleJavaFileObject {
        private final String text;

        GeneratedSource(String className, String text) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
