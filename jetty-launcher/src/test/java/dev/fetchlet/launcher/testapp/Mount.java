package dev.fetchlet.launcher.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a servlet of the test app with its path, the way Fetchlet's {@code @Route} marks a handler. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Mount {
    String value();
}
