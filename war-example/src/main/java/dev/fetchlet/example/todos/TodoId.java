package dev.fetchlet.example.todos;

import dev.fetchlet.HttpException;

/** The {@code [id]} path segment: a positive whole number that fits a {@code BIGINT}. */
public final class TodoId {
    private TodoId() {
    }

    /** @throws HttpException 400 for anything else */
    public static long parse(String segment) {
        if (segment != null && segment.matches("[1-9][0-9]{0,17}")) {
            return Long.parseLong(segment);
        }
        throw HttpException.badRequest("A todo id is a positive whole number, such as /api/todos/1");
    }
}
