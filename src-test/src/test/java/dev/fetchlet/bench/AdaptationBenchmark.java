package dev.fetchlet.bench;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Middleware;
import dev.fetchlet.MiddlewarePath;
import dev.fetchlet.Next;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import dev.fetchlet.bench.servlet.MemoryChain;
import dev.fetchlet.bench.servlet.MemoryRequest;
import dev.fetchlet.bench.servlet.MemoryResponse;
import dev.fetchlet.bench.servlet.SetupServletContext;
import dev.fetchlet.middleware.Cors;
import dev.fetchlet.middleware.ServerTiming;
import dev.fetchlet.servlet.FetchletInitializer;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What Fetchlet's request and response adaptation costs per request, in time and in bytes allocated
 * ({@code -prof gc}): a hello-world GET through the filters Fetchlet installs (metrics, dispatcher) to a Fetch
 * handler, against the same answer from a raw {@link HttpServlet}. Both are driven with in-memory servlet
 * objects that allocate next to nothing, so the difference is Fetchlet's own: the {@code Headers} copy,
 * origin and request id, {@code Request} and {@code Context}, the {@code Response}, the watchdog's entry,
 * the metrics.
 *
 * <p>Run with {@code src-test/bench/adaptation.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AdaptationBenchmark {
    /** The header fields wrk sends, plus the few a browser adds. */
    private static final String[] HEADERS = {
        "Host", "127.0.0.1:8080",
        "User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "Accept-Language", "en-US,en;q=0.5",
        "Accept-Encoding", "gzip, deflate, br",
        "Connection", "keep-alive",
    };

    /** The Fetch handler; deployed by calling Fetchlet's initializer with this class, as a container would. */
    @Route("/bench/hello")
    public static final class HelloHandler implements Handler {
        @Override
        public Response onRequestGet(Context ctx) {
            return Response.text("Hello, world!");
        }
    }

    /** The example app's outer middleware: a {@code Server-Timing} metric on every answer. */
    @MiddlewarePath("/")
    public static final class TimingMiddleware implements Middleware {
        private final Middleware timing = new ServerTiming("app");

        @Override
        public Response onRequest(Context ctx, Next next) throws Exception {
            return timing.onRequest(ctx, next);
        }
    }

    /** The example app's {@code /api} middleware, here over {@code /bench}: CORS for any origin. */
    @MiddlewarePath("/bench")
    public static final class CorsMiddleware implements Middleware {
        private final Middleware cors = Cors.builder()
                .origins("*")
                .methods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                .exposeHeaders("Functions-Request-Id", "Server-Timing")
                .build();

        @Override
        public Response onRequest(Context ctx, Next next) throws Exception {
            return cors.onRequest(ctx, next);
        }
    }

    /** The same handler with the example app's two middleware in front of it, deployed on its own. */
    @State(Scope.Thread)
    public static class ThroughMiddleware {
        private MemoryChain chain;
        private Filter[] installed;

        @Setup(Level.Trial)
        public void deploy() throws ServletException {
            SetupServletContext context = new SetupServletContext();
            new FetchletInitializer().onStartup(Set.of(HelloHandler.class, TimingMiddleware.class,
                    CorsMiddleware.class), context.servletContext());
            installed = context.filters().toArray(new Filter[0]);
            chain = new MemoryChain(context.filters(), null);
        }

        @TearDown(Level.Trial)
        public void undeploy() {
            for (Filter filter : installed) {
                filter.destroy();
            }
        }
    }

    /** The baseline: the same answer written straight onto the servlet response. */
    public static final class HelloServlet extends HttpServlet {
        private static final byte[] BODY = "Hello, world!".getBytes(StandardCharsets.UTF_8);

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            res.setContentType("text/plain; charset=UTF-8");
            res.setContentLength(BODY.length);
            res.getOutputStream().write(BODY);
        }
    }

    private final MemoryRequest request = new MemoryRequest("GET", "/bench/hello", HEADERS);
    private final MemoryResponse response = new MemoryResponse();
    private final HelloServlet servlet = new HelloServlet();
    private MemoryChain fetchlet;
    private Filter[] installed;

    @Setup(Level.Trial)
    public void deploy() throws ServletException {
        SetupServletContext context = new SetupServletContext();
        new FetchletInitializer().onStartup(Set.of(HelloHandler.class), context.servletContext());
        installed = context.filters().toArray(new Filter[0]);
        fetchlet = new MemoryChain(context.filters(), null);
    }

    @TearDown(Level.Trial)
    public void undeploy() {
        for (Filter filter : installed) {
            filter.destroy(); // stops the watchdog thread
        }
    }

    @Benchmark
    public int fetchlet() throws IOException, ServletException {
        request.recycle();
        response.recycle();
        fetchlet.run(request, response);
        return checked();
    }

    @Benchmark
    public int fetchletThroughMiddleware(ThroughMiddleware deployment) throws IOException, ServletException {
        request.recycle();
        response.recycle();
        deployment.chain.run(request, response);
        return checked();
    }

    @Benchmark
    public int rawServlet() throws IOException, ServletException {
        request.recycle();
        response.recycle();
        servlet.service(request, response);
        return checked();
    }

    // Consumed by JMH; also proves each call produced the whole answer.
    private int checked() {
        if (response.getStatus() != 200 || response.bodyLength() != 13) {
            throw new AssertionError("unexpected answer: " + response.getStatus() + ", " + response.bodyLength() + " bytes");
        }
        return response.bodyLength();
    }
}
