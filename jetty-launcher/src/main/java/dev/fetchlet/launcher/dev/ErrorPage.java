package dev.fetchlet.launcher.dev;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The HTML the dev server answers with where the app cannot run: compile errors, a failed deployment. */
final class ErrorPage {
    private static final String STYLE = "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:60em;"
            + "padding:0 1em;color:#222}h1{color:#b00020;font-size:1.5em}h2{font-size:1.1em;margin-top:2em}"
            + "pre{background:#fff4f4;border-left:4px solid #b00020;padding:.8em 1em;overflow:auto;"
            + "font:13px/1.4 ui-monospace,Menlo,Consolas,monospace}p.hint{color:#555}";

    private ErrorPage() {
    }

    /** The page of a route whose source {@code focus} does not compile, with every other source's errors after. */
    static String compileErrors(SourceFolder folder, Path focus, Map<Path, List<CompileProblem>> broken) {
        StringBuilder body = new StringBuilder();
        String name = folder.relative(focus);
        body.append("<h1>Compile error</h1>\n<p>This route is served by <code>").append(escape(name))
                .append("</code>, which does not compile. The other routes keep running.</p>\n");
        appendProblems(body, folder, name, broken.getOrDefault(focus, List.of()));
        boolean othersHeading = false;
        for (Map.Entry<Path, List<CompileProblem>> e : broken.entrySet()) {
            if (!e.getKey().equals(focus)) {
                if (!othersHeading) {
                    body.append("<h2>Other sources that do not compile</h2>\n");
                    othersHeading = true;
                }
                appendProblems(body, folder, folder.relative(e.getKey()), e.getValue());
            }
        }
        body.append("<p class=\"hint\">Fix the source and save it: the dev server recompiles, and the next request"
                + " runs the new code.</p>\n");
        return page("Compile error: " + name, body);
    }

    /** The page of every path while the app as a whole cannot start (two handlers for one route, ...). */
    static String deploymentFailed(String message, SourceFolder folder, Map<Path, List<CompileProblem>> broken) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>The app failed to deploy</h1>\n<pre>").append(escape(message)).append("</pre>\n");
        if (!broken.isEmpty()) {
            body.append("<h2>Sources that do not compile</h2>\n");
            broken.forEach((file, problems) -> appendProblems(body, folder, folder.relative(file), problems));
        }
        body.append("<p class=\"hint\">Fix it and save: the dev server tries again.</p>\n");
        return page("The app failed to deploy", body);
    }

    private static void appendProblems(StringBuilder body, SourceFolder folder, String name,
                                       List<CompileProblem> problems) {
        body.append("<h2>").append(escape(name)).append("</h2>\n<pre>");
        for (int i = 0; i < problems.size(); i++) {
            body.append(i == 0 ? "" : "\n\n").append(escape(problems.get(i).format(folder)));
        }
        body.append("</pre>\n");
    }

    private static String page(String title, CharSequence body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<style>" + STYLE + "</style></head>\n<body>\n" + body + "</body></html>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
