package functions.api;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Quick Start's {@code /api/nodeinfo}, with the JVM's equivalents of Node's version, pid and platform. */
class NodeInfo implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("javaVersion", Runtime.version().toString());
        info.put("pid", ProcessHandle.current().pid());
        info.put("platform", System.getProperty("os.name").toLowerCase());
        info.put("arch", System.getProperty("os.arch"));
        info.put("url", ctx.request().url());
        return Response.json(info).header("Content-Type", "application/json; charset=UTF-8");
    }
}
