package dev.fetchlet.launcher.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The layout of a folder the dev server serves. The folder is a source root: {@code .java} files anywhere in
 * it (their packages follow the folders, as in {@code src/main/java}), static files in {@code public/}, and
 * {@code ctx.env()} values in {@code .env}. Hidden folders ({@code .git}, {@code .idea}) are left alone.
 *
 * <pre>
 * my-app/
 *   functions/api/hello.java      package functions.api;   serves /api/hello
 *   public/index.html             served at /, unless a route takes it
 *   .env                          GREETING=Hello
 * </pre>
 */
final class SourceFolder {
    /** Static files, like a WAR's {@code src/main/webapp}; the name front-end tools use too. */
    static final String STATIC_FOLDER = "public";
    static final String ENV_FILE = ".env";

    private final Path root;

    SourceFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path staticFolder() {
        return root.resolve(STATIC_FOLDER);
    }

    Path envFile() {
        return root.resolve(ENV_FILE);
    }

    /** Every {@code .java} file of the app, in a stable order. */
    List<Path> sources() {
        List<Path> sources = new ArrayList<>();
        walk(root, (path, attributes) -> {
            if (attributes.isRegularFile() && path.getFileName().toString().endsWith(".java")) {
                sources.add(path);
            }
        });
        sources.sort(null);
        return sources;
    }

    /** {@code top} and the folders below it that may hold sources. */
    List<Path> foldersUnder(Path top) {
        List<Path> folders = new ArrayList<>();
        walk(top.toAbsolutePath().normalize(), (path, attributes) -> {
            if (attributes.isDirectory()) {
                folders.add(path);
            }
        });
        return folders;
    }

    /** Visits files and folders below {@code top}, never entering the static folder or hidden ones. */
    private void walk(Path top, BiConsumer<Path, BasicFileAttributes> visitor) {
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (isIgnored(root.relativize(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    visitor.accept(dir, attributes);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!isIgnored(root.relativize(file))) {
                        visitor.accept(file, attributes);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // deleted while walking
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the files in " + top, e);
        }
    }

    /**
     * Whether a change to {@code changed} may change the app: anything but the static folder's files (read at
     * each request), hidden files and editors' backups ({@code hello.java~}, {@code .hello.java.swp}); and
     * {@code .env} and the static folder itself. {@link #fingerprint()} then tells whether it really did.
     */
    boolean affectsApp(Path changed) {
        Path relative = root.relativize(changed.toAbsolutePath().normalize());
        String name = relative.toString();
        return name.equals(ENV_FILE) || name.equals(STATIC_FOLDER) || !isIgnored(relative);
    }

    /**
     * A digest of what the app is built from: every source's path and content, {@code .env}, and whether the
     * static folder exists. Equal digests mean a reload would serve the same app, so it is skipped (an editor
     * saving an unchanged file, a touched timestamp).
     */
    String fingerprint() {
        MessageDigest digest = sha256();
        for (Path source : sources()) {
            update(digest, relative(source));
            update(digest, source);
        }
        update(digest, ENV_FILE);
        update(digest, envFile());
        update(digest, Files.isDirectory(staticFolder()) ? "static" : "no static");
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The path of {@code file} inside the root with {@code /} separators, e.g. {@code functions/api/hello.java}. */
    String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Inside the static folder or the folder itself, hidden, or an editor's backup; the root is not. */
    private static boolean isIgnored(Path relative) {
        if (relative.toString().isEmpty()) {
            return false;
        }
        if (relative.getName(0).toString().equals(STATIC_FOLDER)) {
            return true;
        }
        for (int i = 0; i < relative.getNameCount(); i++) {
            String part = relative.getName(i).toString();
            if (part.startsWith(".") || part.endsWith("~")) {
                return true;
            }
        }
        return false;
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static void update(MessageDigest digest, Path file) {
        try {
            digest.update(Files.readAllBytes(file));
        } catch (IOException e) {
            digest.update((byte) 1); // missing or unreadable: differs from any content
        }
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
