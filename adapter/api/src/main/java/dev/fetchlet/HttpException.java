package dev.fetchlet;

/**
 * An exception that carries the HTTP status it should answer with. A handler that lets one escape gets a JSON
 * reply with that status and the exception's message: unlike other exceptions, the message is meant for the
 * client.
 *
 * <pre>{@code
 * if (id.isBlank()) {
 *     throw HttpException.badRequest("id must not be blank");
 * }
 * }</pre>
 */
public class HttpException extends RuntimeException {
    private final int status;

    public HttpException(int status, String message) {
        this(status, message, null);
    }

    public HttpException(int status, String message, Throwable cause) {
        super(message, cause);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an HttpException status is 4xx or 5xx, not " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static HttpException badRequest(String message) {
        return new HttpException(400, message);
    }

    public static HttpException notFound(String message) {
        return new HttpException(404, message);
    }

    public static HttpException payloadTooLarge(String message) {
        return new HttpException(413, message);
    }

    public static HttpException unsupportedMediaType(String message) {
        return new HttpException(415, message);
    }
}
