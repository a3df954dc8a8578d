package functions.api;

import dev.fetchlet.Context;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import org.apache.commons.text.WordUtils;

/**
 * GET /api/hello?name=ada lovelace answers "Hello, Ada Lovelace!". The file's path under functions/ is its route,
 * as on an edge platform: functions/api/users/[id].java would serve /api/users/1024.
 */
public class hello implements Handler {
    @Override
    public Response onRequestGet(Context ctx) {
        String name = ctx.request().query("name");
        // commons-text, a library this project declares: the WAR and `mvn fetchlet:dev` both see it.
        return Response.text("Hello, " + (name == null ? "world" : WordUtils.capitalizeFully(name)) + "!");
    }
}
