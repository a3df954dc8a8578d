package dev.fetchlet.example.koa;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a JSON body Jackson cannot read with 400 and a short message in plain words: not JSON, a value of the
 * wrong type (naming the field), or past one of Jackson's limits (a number of a million digits, nesting too
 * deep). Without it, Jersey's own mappers echo Jackson's message, which names the app's classes, and a limit
 * it has no mapper for becomes a 500. Registered in {@link KoaApplication}, with {@code JacksonFeature}'s own
 * mappers left out. A class Jackson cannot bind at all is the app's bug, not the client's: 500, and logged.
 */
@Provider
public class JsonErrors implements ExceptionMapper<JsonProcessingException> {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrors.class);
    /** Field paths are the client's own names; a long one is cut rather than echoed whole. */
    private static final int MOST_PATH_CHARS = 200;

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e instanceof InvalidDefinitionException) {
            LOG.error("A resource takes a type Jackson cannot bind", e);
            return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "Internal Server Error")).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "Bad Request");
        body.put("message", message(e));
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static String message(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "The JSON body is past a limit: a number or string too long, or nesting too deep";
        }
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return "The request body is not valid JSON";
        }
        String path = path(mapping);
        return path.isEmpty()
            ? "The JSON body does not have the expected shape"
            : "The JSON body has a value of the wrong type at '" + path + "'";
    }

    /** {@code items[2].name}: where in the document the value was. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() <= MOST_PATH_CHARS ? path.toString() : path.substring(0, MOST_PATH_CHARS) + "...";
    }
}
