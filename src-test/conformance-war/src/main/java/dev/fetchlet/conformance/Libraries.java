package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Which JSON and logging libraries the WAR runs with, as its own classes see them: a server that puts its own
 * modules ahead of {@code WEB-INF/lib} (WildFly without the WAR's {@code jboss-deployment-structure.xml}) would
 * show its Jackson version here, and an SLF4J bound to its own log manager rather than to Logback.
 */
@Route("/conformance/libraries")
public class Libraries implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jackson", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        out.put("slf4jBoundToLogback", LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext);
        return Response.json(out);
    }
}
