package dev.fetchlet.launcher.testapp;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Answers after {@code ?ms=} milliseconds (default 3000), announcing start and end on standard output. */
@Mount("/slow")
public class SlowServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ms = request.getParameter("ms");
        System.out.println("slow request started");
        System.out.flush();
        try {
            Thread.sleep(ms == null ? 3000 : Long.parseLong(ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(503, "interrupted");
            return;
        }
        System.out.println("slow request finished");
        System.out.flush();
        response.setContentType("text/plain");
        response.getWriter().print("slow done");
    }
}
