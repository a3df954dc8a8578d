package dev.fetchlet.bench.plain;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The servlets a user would write without Fetchlet, on plain embedded Jetty 12 with Jetty's defaults (its
 * {@code QueuedThreadPool}, one HTTP/1.1 connector): the same answers as the example WAR's
 * {@code /api/hello}, {@code /api/echo}, {@code /api/users/[id]} and {@code /api/todos/[id]}.
 *
 * <pre>java -cp plain-jetty.jar:lib/* dev.fetchlet.bench.plain.PlainJettyMain 8080 [--example-headers | --core-hello]</pre>
 *
 * With {@code --example-headers}, {@code /api/hello} also sends the header fields the example WAR's answer
 * carries (see {@link HelloServlet}): the like-for-like reference. With {@code --core-hello}, Jetty's core API
 * answers {@code GET /api/hello} in front of the servlets ({@link CoreHello}).
 *
 * The database is {@code DB_URL} ({@code DB_USER}, {@code DB_PASSWORD}) when set, else an in-memory H2 in
 * MySQL mode, as Fetchlet's default.
 */
public final class PlainJettyMain {
    private PlainJettyMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        boolean exampleHeaders = args.length > 1 && args[1].equals("--example-headers");
        boolean coreHello = args.length > 1 && args[1].equals("--core-hello");
        Server server = new Server();
        ServerConnector http = new ServerConnector(server);
        http.setHost("127.0.0.1");
        http.setPort(port);
        server.addConnector(http);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new HelloServlet(exampleHeaders), "/api/hello");
        context.addServlet(new EchoServlet(), "/api/echo");
        context.addServlet(new UserServlet(), "/api/users/*");
        context.addServlet(new TodoServlet(TodoTable.open()), "/api/todos/*");
        server.setHandler(coreHello ? new CoreHello(context) : context);
        server.setStopAtShutdown(true);
        server.start();
        server.join();
    }
}
