package dev.fetchlet.launcher;

/** The command line or environment cannot be used; the message says why. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
