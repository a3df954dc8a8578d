package dev.fetchlet.example.todos;

import dev.fetchlet.HttpException;
import dev.fetchlet.Request;
import java.util.Map;
import java.util.Set;

/**
 * A todo's fields from a JSON body, checked before any statement runs: an object with {@code title} (a
 * string, 1 to {@value #MAX_TITLE} characters once trimmed) and {@code done} (a boolean), and nothing else.
 * Either may be absent ({@code null} here); a create needs the title, an update at least one of them.
 */
public record TodoInput(String title, Boolean done) {
    public static final int MAX_TITLE = 200;
    private static final Set<String> FIELDS = Set.of("title", "done");

    /** @throws HttpException 400, in plain words, for a body that is not such an object */
    public static TodoInput from(Request request) {
        if (!(request.json() instanceof Map<?, ?> body)) {
            throw HttpException.badRequest("The body must be a JSON object such as {\"title\": \"Buy milk\"}");
        }
        for (Object key : body.keySet()) {
            if (!FIELDS.contains(key)) {
                throw HttpException.badRequest("Unknown field \"" + shorten(String.valueOf(key))
                        + "\": a todo has only \"title\" and \"done\"");
            }
        }
        String title = null;
        if (body.containsKey("title")) {
            if (!(body.get("title") instanceof String text)) {
                throw HttpException.badRequest("\"title\" must be a string");
            }
            title = text.strip();
            if (title.isEmpty()) {
                throw HttpException.badRequest("\"title\" must not be empty");
            }
            if (title.codePointCount(0, title.length()) > MAX_TITLE) {
                throw HttpException.badRequest("\"title\" must be at most " + MAX_TITLE + " characters");
            }
        }
        Boolean done = null;
        if (body.containsKey("done")) {
            if (!(body.get("done") instanceof Boolean flag)) {
                throw HttpException.badRequest("\"done\" must be true or false");
            }
            done = flag;
        }
        return new TodoInput(title, done);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
