package dev.fetchlet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An init parameter for a servlet mounted with {@link Route}: what {@code <init-param>} is in {@code web.xml}. The
 * servlet reads it from its {@code ServletConfig} in {@code init}, once, when the web app deploys. Repeat the
 * annotation for several parameters; a name may appear only once.
 *
 * <pre>{@code
 * @Route("/koa/[[default]]")
 * @InitParam(name = "jakarta.ws.rs.Application", value = "com.example.KoaApplication")
 * @InitParam(name = "greeting", value = "Hello")
 * public class Koa extends org.glassfish.jersey.servlet.ServletContainer {
 * }
 * }</pre>
 *
 * Only mounted servlets read init parameters; on a {@code JavalinApp} the deployment fails rather than ignore them
 * (configure the app in code instead).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(InitParam.List.class)
public @interface InitParam {
    /** The parameter's name, as {@code ServletConfig.getInitParameter(name)} asks for it. */
    String name();

    /** The parameter's value. */
    String value();

    /** Holds repeated {@link InitParam}s; the compiler writes it, users need not. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        InitParam[] value();
    }
}
