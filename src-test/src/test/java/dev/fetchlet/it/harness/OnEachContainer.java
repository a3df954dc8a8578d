package dev.fetchlet.it.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs every test of the annotated class once per enabled {@link ContainerKind}, the kind passed to its
 * constructor (JUnit's {@code @ParameterizedClass} over {@code @ArgumentsSource(EnabledContainers.class)}; the
 * two may also be written out instead of this annotation). The embedded Jetty and Tomcat always run; the app
 * servers only where the {@code appservers} Maven profile enabled them, see {@link EnabledContainers}.
 *
 * <pre>{@code
 * @OnEachContainer
 * class HelloConformanceTest {
 *     private final Http http;
 *
 *     HelloConformanceTest(ContainerKind kind) {
 *         this.http = Http.to(Deployments.of(kind));   // started once per JVM, shared
 *     }
 *
 *     @Test
 *     void helloAnswers() throws Exception {
 *         HttpResponse<String> reply = http.get("/api/hello");
 *         assertEquals(200, reply.statusCode());
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0}")
@ArgumentsSource(EnabledContainers.class)
public @interface OnEachContainer {
}
