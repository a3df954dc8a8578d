package dev.fetchlet.dispatch;

/**
 * What an endpoint does with a request method: call one of the handler's methods, answer OPTIONS by itself, or
 * refuse with 405. Worked out once per method at deploy time, so a request only looks it up.
 *
 * @param kind    what to do
 * @param call    the handler method to call, for {@link Action#INVOKE}; {@code null} means {@code onRequest}
 * @param omitBody whether the reply must go without a body (HEAD served by the GET handler)
 */
public record Dispatch(Action action, HttpMethod call, boolean omitBody) {
    public enum Action { INVOKE, AUTO_OPTIONS, NOT_ALLOWED }

    static final Dispatch AUTO_OPTIONS = new Dispatch(Action.AUTO_OPTIONS, null, true);
    static final Dispatch NOT_ALLOWED = new Dispatch(Action.NOT_ALLOWED, null, false);
}
