package dev.fetchlet.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fetchlet.middleware.Cors;
import dev.fetchlet.middleware.ServerTiming;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The built-in middleware implement {@code Middleware}, which the initializer's {@code @HandlesTypes} names, so a
 * scan that reaches Fetchlet's own jar hands them over: they are not the app's classes.
 */
class InitializerOwnClassesTest {
    @Test
    void fetchletsOwnClassesAreNotTheApps() {
        assertEquals(Set.of(InitializerOwnClassesTest.class),
                FetchletInitializer.withoutOwn(Set.of(Cors.class, ServerTiming.class, InitializerOwnClassesTest.class)));
        assertEquals(Set.of(), FetchletInitializer.withoutOwn(Set.of(Cors.class)));
    }
}
