package dev.fetchlet.launcher.testapp;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Answers every path with its locale's charset and the session timeout: the container's defaults at work. */
public class LocaleServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setLocale(Locale.JAPANESE);
        response.getWriter().print("charset=" + response.getCharacterEncoding()
            + " session-timeout=" + getServletContext().getSessionTimeout() + " path=" + request.getServletPath());
    }
}
