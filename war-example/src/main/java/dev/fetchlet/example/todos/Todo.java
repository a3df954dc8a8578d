package dev.fetchlet.example.todos;

/** A row of the {@code todo} table, as the API shows it: {@code {"id": 1, "title": "...", "done": false}}. */
public record Todo(long id, String title, boolean done) {
}
