package dev.fetchlet.launcher.dev;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one build of the sources produced: the class files of every source that compiles, and the errors of
 * those that do not.
 *
 * @param classes class files by binary class name, such as {@code functions.api.Hello}
 * @param broken the errors of each source left out, in source order; a source that fails only because it uses
 *     a broken one has its own errors too ("cannot find symbol")
 */
record Compilation(Map<String, byte[]> classes, Map<Path, List<CompileProblem>> broken) {

    boolean ok() {
        return broken.isEmpty();
    }
}
