package dev.fetchlet.it.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Like {@link OnEachContainer}, but only over the containers embedded in the test JVM, {@link ContainerKind#JETTY}
 * and {@link ContainerKind#TOMCAT}: for tests that build a web app of their own in-process (a context path of
 * their choosing, test classes as routes) rather than deploy the example WAR, which the app servers in their own
 * processes cannot run.
 *
 * <pre>{@code
 * @OnEachEmbeddedContainer
 * class MyOwnAppTest {
 *     MyOwnAppTest(ContainerKind kind) { ... }   // JETTY or TOMCAT
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "{0}")
@EnumSource(value = ContainerKind.class, names = {"JETTY", "TOMCAT"})
public @interface OnEachEmbeddedContainer {
}
