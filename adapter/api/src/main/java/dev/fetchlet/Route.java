package dev.fetchlet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the path a handler serves, in the file-path syntax of Node Functions.
 *
 * <ul>
 *   <li>{@code /api/users/list}: exactly that path (case-sensitive)</li>
 *   <li>{@code /api/visit/index}: the folder itself, {@code /api/visit}</li>
 *   <li>{@code /api/users/[id]}: one segment, read with {@code ctx.params().get("id")}</li>
 *   <li>{@code /api/[[rest]]}: one or more segments below {@code /api}, as {@code ctx.params().list("rest")}</li>
 * </ul>
 * One trailing slash is optional in requests. Static segments beat {@code [x]}, which beats {@code [[x]]}.
 *
 * <pre>{@code
 * @Route("/api/users/[id]")
 * public class User implements Handler {
 *     @Override
 *     public Response onRequestGet(Context ctx) {
 *         return Response.text("User id is " + ctx.params().get("id"));
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Route {
    /** The route pattern, e.g. {@code /api/users/[id]}. */
    String value();
}
