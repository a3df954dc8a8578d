package dev.fetchlet.launcher.dev;

import java.nio.file.Path;

/**
 * One compile error, as javac reported it.
 *
 * @param file the source file, or null for an error outside any file (a bad option)
 * @param line the 1-based line, or 0 if unknown
 * @param column the 1-based column, or 0 if unknown
 * @param message javac's message, possibly several lines
 * @param sourceLine the text of that line, or empty
 */
record CompileProblem(Path file, long line, long column, String message, String sourceLine) {

    /** javac's own layout: {@code functions/api/hello.java:5: error: ';' expected}, the line, a caret. */
    String format(SourceFolder folder) {
        StringBuilder out = new StringBuilder();
        out.append(file == null ? "javac" : folder.relative(file));
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": error: ").append(message);
        if (!sourceLine.isEmpty()) {
            out.append(System.lineSeparator()).append(sourceLine);
            if (column > 0) {
                out.append(System.lineSeparator()).append(caretPadding()).append('^');
            }
        }
        return out.toString();
    }

    /** Spaces (tabs kept, so the caret lines up) up to the error's column. */
    String caretPadding() {
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < column - 1 && i < sourceLine.length(); i++) {
            pad.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return pad.toString();
    }
}
