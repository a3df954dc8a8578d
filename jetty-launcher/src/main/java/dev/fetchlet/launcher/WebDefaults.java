package dev.fetchlet.launcher;

import java.util.Map;

import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.ServletMapping;
import org.eclipse.jetty.ee10.servlet.listener.IntrospectorCleaner;
import org.eclipse.jetty.ee10.webapp.WebAppContext;

/**
 * What Jetty's {@code webdefault-ee10.xml} gives every web app, set in code: the default servlet for static
 * files, welcome files, the session timeout and the locale encodings.
 *
 * <p>Reading that descriptor is the only XML a Fetchlet WAR (which has no {@code web.xml}) makes Jetty parse,
 * and starting the JDK's XML parser for it took 50 to 70 ms of a cold start's main thread and some 200
 * classes. A WAR's own {@code web.xml} is still read and may override all of this, as it may override the
 * descriptor: its mapping of {@code /} replaces the default servlet's, and its servlet named {@code default}
 * reconfigures it. JSP, which the descriptor maps when a JSP engine is present, is left out: the launcher
 * carries none.
 */
final class WebDefaults {

    /** The locale to charset mappings of Jetty's (and Tomcat's) default descriptor. */
    static final Map<String, String> LOCALE_ENCODINGS = Map.ofEntries(
        Map.entry("ar", "ISO-8859-6"), Map.entry("be", "ISO-8859-5"), Map.entry("bg", "ISO-8859-5"),
        Map.entry("ca", "ISO-8859-1"), Map.entry("cs", "ISO-8859-2"), Map.entry("da", "ISO-8859-1"),
        Map.entry("de", "ISO-8859-1"), Map.entry("el", "ISO-8859-7"), Map.entry("en", "ISO-8859-1"),
        Map.entry("es", "ISO-8859-1"), Map.entry("et", "ISO-8859-1"), Map.entry("fi", "ISO-8859-1"),
        Map.entry("fr", "ISO-8859-1"), Map.entry("hr", "ISO-8859-2"), Map.entry("hu", "ISO-8859-2"),
        Map.entry("is", "ISO-8859-1"), Map.entry("it", "ISO-8859-1"), Map.entry("iw", "ISO-8859-8"),
        Map.entry("ja", "Shift_JIS"), Map.entry("ko", "EUC-KR"), Map.entry("lt", "ISO-8859-2"),
        Map.entry("lv", "ISO-8859-2"), Map.entry("mk", "ISO-8859-5"), Map.entry("nl", "ISO-8859-1"),
        Map.entry("no", "ISO-8859-1"), Map.entry("pl", "ISO-8859-2"), Map.entry("pt", "ISO-8859-1"),
        Map.entry("ro", "ISO-8859-2"), Map.entry("ru", "ISO-8859-5"), Map.entry("sh", "ISO-8859-5"),
        Map.entry("sk", "ISO-8859-2"), Map.entry("sl", "ISO-8859-2"), Map.entry("sq", "ISO-8859-2"),
        Map.entry("sr", "ISO-8859-5"), Map.entry("sv", "ISO-8859-1"), Map.entry("tr", "ISO-8859-9"),
        Map.entry("uk", "ISO-8859-5"), Map.entry("zh", "GB2312"), Map.entry("zh_TW", "Big5"));

    private WebDefaults() {
    }

    /** Replaces the default descriptor of the context, which must not have started, with the same settings. */
    static void apply(WebAppContext context) {
        context.setDefaultsDescriptor(null);

        ServletHolder files = new ServletHolder("default", DefaultServlet.class);
        files.setInitParameter("acceptRanges", "true");
        files.setInitParameter("welcomeServlets", "false");
        files.setInitParameter("redirectWelcome", "false");
        files.setInitParameter("etags", "false");
        files.setInitParameter("useFileMappedBuffer", "true");
        files.setInitParameter("maxCacheSize", "256000000");
        files.setInitParameter("maxCachedFileSize", "200000000");
        files.setInitParameter("maxCachedFiles", "2048");
        files.setInitOrder(0);
        ServletMapping root = new ServletMapping();
        root.setServletName("default");
        root.setPathSpec("/");
        // Marked as the descriptor's would be, so that an app mapping "/" itself takes the path without a clash.
        root.setFromDefaultDescriptor(true);
        context.getServletHandler().addServlet(files);
        context.getServletHandler().addServletMapping(root);

        context.setWelcomeFiles(new String[] {"index.html", "index.htm", "index.jsp"});
        context.getSessionHandler().setMaxInactiveInterval(30 * 60);
        LOCALE_ENCODINGS.forEach(context::addLocaleEncoding);
        context.addEventListener(new IntrospectorCleaner());
    }
}
