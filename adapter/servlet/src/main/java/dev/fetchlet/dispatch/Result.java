package dev.fetchlet.dispatch;

import dev.fetchlet.Response;
import java.util.concurrent.CompletionStage;

/**
 * What a handler call produced: an answer now, or one to come. Sealed, so the code that answers a request
 * handles both and nothing else; a {@code null} response in either means "no such resource" (404).
 *
 * <pre>{@code
 * Result r = endpoint.invoke(dispatch, ctx);
 * if (r instanceof Result.Pending pending) {
 *     pending.stage().thenAccept(this::write);
 * } else {
 *     write(((Result.Ready) r).response());
 * }
 * }</pre>
 */
public sealed interface Result permits Result.Ready, Result.Pending {
    /** An answer available now; {@code response} may be null. */
    record Ready(Response response) implements Result {
    }

    /** An answer that arrives when {@code stage} completes. */
    record Pending(CompletionStage<? extends Response> stage) implements Result {
        public Pending {
            if (stage == null) {
                throw new IllegalArgumentException("a pending result needs its stage");
            }
        }
    }

    static Result ready(Response response) {
        return new Ready(response);
    }

    static Result pending(CompletionStage<? extends Response> stage) {
        return new Pending(stage);
    }
}
