package dev.fetchlet.example.koa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * A request body Jackson cannot read answers 400 in plain words, in the shape of Fetchlet's own errors:
 * <pre>{"error": "Bad Request", "message": "The body must be a JSON object"}</pre>
 * Jersey's own Jackson mappers would answer with Jackson's message, which names Java types and echoes the
 * input; {@link KoaApplication} registers the Jackson feature without them and this mapper instead.
 */
@Provider
public class UnreadableJson implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
        // A parse error is malformed JSON; anything else is well-formed JSON of the wrong shape.
        String message = e instanceof StreamReadException ? "The body is not valid JSON"
                : "The body must be a JSON object";
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "Bad Request", "message", message))
                .build();
    }
}
