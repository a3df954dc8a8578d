package dev.fetchlet.launcher;

/** The server could not start (port in use, app failed to deploy) or stop cleanly. */
public class LaunchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
