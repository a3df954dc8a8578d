package dev.fetchlet.servletonly;

import dev.fetchlet.Route;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /plain/...}: a plain servlet mounted under a catch-all route; it answers with the path it sees. */
@Route("/plain/[[default]]")
public class Plain extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/plain;charset=UTF-8");
        res.getWriter().print("plain servlet at " + req.getContextPath() + " " + req.getPathInfo());
    }
}
