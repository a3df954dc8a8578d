package dev.fetchlet.launcher.dev;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import com.sun.nio.file.SensitivityWatchEventModifier;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the source folder and its subfolders ({@link WatchService} is not recursive, so each folder is
 * registered, and new ones as they appear) and runs the reload once a burst of changes has settled: an
 * editor's save is often several events, a {@code git checkout} hundreds. Reloads run on the watcher's own
 * thread, one at a time; changes made during one are picked up by the next.
 */
final class FolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    /** Quiet time after the last event before reloading. */
    private static final long SETTLE_MILLIS = 60;

    private final SourceFolder folder;
    private final Runnable reload;
    private final WatchService watcher;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Thread thread;

    FolderWatcher(SourceFolder folder, Runnable reload) throws IOException {
        this.folder = folder;
        this.reload = reload;
        this.watcher = folder.root().getFileSystem().newWatchService();
        registerTree(folder.root());
        this.thread = new Thread(this::run, "fetchlet-dev-watcher");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("Closing the watch service", e);
        }
        thread.interrupt();
    }

    private void run() {
        try {
            while (true) {
                boolean relevant = handle(watcher.take());
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= handle(more);
                }
                if (relevant) {
                    try {
                        reload.run();
                    } catch (RuntimeException e) {
                        LOG.error("Reload failed", e);
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the server is stopping
        }
    }

    /** Registers new folders and tells whether any event may change the app. */
    private boolean handle(WatchKey key) {
        Path dir = folders.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || dir == null) {
                relevant = true; // events were lost: look at everything
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
                registerTree(changed);
            }
            relevant |= folder.affectsApp(changed);
        }
        if (!key.reset()) {
            folders.remove(key); // the folder is gone
        }
        return relevant;
    }

    private void registerTree(Path top) {
        try {
            folder.foldersUnder(top).forEach(this::register);
        } catch (RuntimeException e) {
            LOG.warn("Cannot watch {}: {}", top, e.toString());
        }
    }

    private void register(Path dir) {
        try {
            // The sensitivity matters only where the JDK polls (macOS): every 2 s instead of 10.
            folders.put(dir.register(watcher, new WatchEvent.Kind<?>[] {ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY},
                    SensitivityWatchEventModifier.HIGH), dir);
        } catch (IOException e) {
            LOG.warn("Cannot watch {}: {}", dir, e.toString());
        }
    }
}
