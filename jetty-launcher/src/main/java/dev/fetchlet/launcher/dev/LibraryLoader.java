package dev.fetchlet.launcher.dev;

import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The class loader of a project's libraries, shared by every build of the sources: libraries do not change
 * while the dev server runs, so they are loaded once, and each reload's fresh loader sits on top of this one.
 */
final class LibraryLoader {
    private LibraryLoader() {
    }

    /** {@code parent} itself when there are no libraries, else a loader over them that asks {@code parent} first. */
    static ClassLoader over(List<Path> classpath, ClassLoader parent) {
        if (classpath.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new URLClassLoader("fetchlet-dev-libraries", urls, parent);
    }
}
