package dev.fetchlet.launcher.testapp;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

/** An initializer whose app cannot deploy, as when a function's {@code init()} fails. */
public class FailingInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        throw new ServletException("init failed on purpose");
    }
}
