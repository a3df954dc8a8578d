package dev.fetchlet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link Middleware} class in front of every request under a folder, as a {@code _middleware.java} file in
 * that folder would: {@code @MiddlewarePath("/api")} covers {@code /api}, {@code /api/} and everything below,
 * not {@code /apis}; {@code "/"} covers the whole app. The class needs a constructor without parameters.
 *
 * <p>Outer folders run first. Within one folder, the classes of a {@code _middleware.java} file run first (by
 * class name), then the annotated classes by {@link #order()} (lower first), then by class name.
 *
 * <pre>{@code
 * @MiddlewarePath(value = "/admin", order = 10)
 * public class AdminOnly implements Middleware {
 *     public Response onRequest(Context ctx, Next next) throws Exception {
 *         if (!ctx.clientIp().startsWith("10.")) {
 *             throw new HttpException(403, "Admins only");
 *         }
 *         return next.proceed();
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MiddlewarePath {
    /** The folder, e.g. {@code /api}; static segments only. */
    String value();

    /** The place among the annotated middleware of the same folder: lower runs first (outer). */
    int order() default 0;
}
