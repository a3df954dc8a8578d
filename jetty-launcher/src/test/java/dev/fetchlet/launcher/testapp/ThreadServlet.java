package dev.fetchlet.launcher.testapp;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Tells whether the request runs on a virtual thread; by reflection, as the bytecode targets Java 17. */
@Mount("/thread")
public class ThreadServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean virtual;
        try {
            virtual = (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
        } catch (ReflectiveOperationException e) {
            virtual = false;
        }
        response.setContentType("text/plain");
        response.getWriter().print("virtual=" + virtual);
    }
}
