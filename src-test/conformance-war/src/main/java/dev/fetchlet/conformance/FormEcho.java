package dev.fetchlet.conformance;

import dev.fetchlet.Context;
import dev.fetchlet.FormData;
import dev.fetchlet.Handler;
import dev.fetchlet.Response;
import dev.fetchlet.Route;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers with the fields and files of a url-encoded or multipart form. */
@Route("/conformance/form")
public class FormEcho implements Handler {
    @Override
    public Response onRequestPost(Context ctx) {
        FormData form = ctx.request().formData();
        Map<String, Object> files = new LinkedHashMap<>();
        for (String name : form.names()) {
            FormData.FilePart f = form.file(name);
            if (f != null) {
                files.put(name, Map.of("filename", f.filename(), "contentType", f.contentType(), "size", f.size(),
                        "text", f.text()));
            }
        }
        return Response.json(Map.of("fields", form.fields(), "files", files));
    }
}
