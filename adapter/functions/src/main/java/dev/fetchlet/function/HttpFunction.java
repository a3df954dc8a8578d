package dev.fetchlet.function;

/**
 * A function answering plain HTTP requests: GET, POST and HEAD at its path call {@link #handle}.
 *
 * <p>What {@code handle} returns becomes the response:
 * <table>
 *   <caption>Return mapping</caption>
 *   <tr><td>{@code null}</td><td>204, empty</td></tr>
 *   <tr><td>a {@code String}</td><td>200 {@code text/plain}</td></tr>
 *   <tr><td>a {@code byte[]}</td><td>200 {@code application/octet-stream}</td></tr>
 *   <tr><td>a {@link StructuredReturn}</td><td>its status, headers and body</td></tr>
 *   <tr><td>a {@code CloudEvent}</td><td>the event in the request's mode: binary ({@code ce-*} headers) for a
 *       binary-mode event, structured JSON for a structured event or a plain request</td></tr>
 *   <tr><td>a {@code dev.fetchlet.Response}</td><td>sent as it is</td></tr>
 *   <tr><td>a {@code CompletionStage} of any of these</td><td>that, once it completes</td></tr>
 *   <tr><td>any other object</td><td>200 JSON</td></tr>
 * </table>
 * An {@link dev.fetchlet.HttpException} answers its status and message; any other exception answers 500
 * without details.
 *
 * <pre>{@code
 * public class Hello implements HttpFunction {
 *     @Override
 *     public Object handle(FunctionContext ctx, Body body) {
 *         String name = ctx.query("name");
 *         return name == null ? StructuredReturn.of(400, "name is required") : "Hello, " + name;
 *     }
 * }
 * }</pre>
 *
 * <p>When the request is a CloudEvent (or a batch of them), {@code handle} runs once per event with the
 * event's data as {@code body} and the event in {@link FunctionContext#cloudEvent()}.
 */
public non-sealed interface HttpFunction extends FetchletFunction {

    /**
     * Answers one request.
     *
     * @param ctx  the request's context: method, headers, query, request id, environment
     * @param body the request body, already read (within the body limit); empty for GET and HEAD
     * @return the answer, mapped as the class comment describes
     */
    Object handle(FunctionContext ctx, Body body) throws Exception;
}
