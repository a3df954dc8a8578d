package dev.fetchlet.launcher.dev;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads one build's classes from memory, a fresh loader per reload so that new code replaces old without a
 * restart. Everything else (the adapter, Jackson, the JDK) comes from the parent. The in-memory files are
 * resources too, as a jar's entries are (Fetchlet reads class files for their source file names); other
 * resources are the source folder's files, as {@code src/main/resources} would give.
 */
final class MemoryClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private static final String PROTOCOL = "fetchlet-dev";

    private final Map<String, byte[]> files;
    private final Path resourceRoot;
    private final URLStreamHandler handler = new MemoryHandler();

    /**
     * @param files class files and other resources by resource name, such as {@code functions/api/Hello.class}
     * @param resourceRoot the folder whose files are this loader's other resources
     */
    MemoryClassLoader(Map<String, byte[]> files, Path resourceRoot, ClassLoader parent) {
        super("fetchlet-dev", parent);
        this.files = Map.copyOf(files);
        this.resourceRoot = resourceRoot.toAbsolutePath().normalize();
    }

    /** Class files by resource name from class files by binary class name, as {@link InMemoryCompiler} gives them. */
    static Map<String, byte[]> classFiles(Map<String, byte[]> classes) {
        Map<String, byte[]> files = new HashMap<>();
        classes.forEach((name, bytes) -> files.put(name.replace('.', '/') + ".class", bytes));
        return files;
    }

    /** The binary names of the classes this loader defines, in no particular order. */
    List<String> classNames() {
        return files.keySet().stream().filter(n -> n.endsWith(".class")).map(MemoryClassLoader::className).toList();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = files.get(name.replace('.', '/') + ".class");
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    protected URL findResource(String name) {
        if (files.containsKey(name)) {
            try {
                return new URL(PROTOCOL, null, -1, "/" + name, handler);
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        Path file;
        try {
            file = resourceRoot.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (file.startsWith(resourceRoot) && Files.isRegularFile(file) && !name.endsWith(".java")) {
            try {
                return file.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Set.of(url));
    }

    private static String className(String resource) {
        return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
    }

    /** Opens {@code fetchlet-dev:/functions/api/Hello.class} URLs on the bytes in memory. */
    private final class MemoryHandler extends URLStreamHandler {
        @Override
        protected URLConnection openConnection(URL url) throws IOException {
            byte[] bytes = files.get(url.getPath().substring(1));
            if (bytes == null) {
                throw new IOException("No such resource: " + url);
            }
            return new URLConnection(url) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public int getContentLength() {
                    return bytes.length;
                }
            };
        }
    }
}
