package dev.fetchlet;

/**
 * Where a request is being served: the deployment's {@code region} (from {@code FUNC_REGION}; null when not
 * configured) and the request's id, the same as {@link Context#requestId()} and the {@code Functions-Request-Id}
 * response header.
 */
public record ServerInfo(String region, String requestId) {
}
