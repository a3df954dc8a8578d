package dev.fetchlet.it.security;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an error body must never carry (SPEC section 12, OWASP ASVS V7.4.1 and V14.3.2): a class name, a package, a
 * stack frame, a file path or a library's identifier. Checked in plain words so that a failure says which.
 *
 * <pre>{@code
 * Disclosure.assertNone("SecuritySuiteTest json-wrong-type", reply.body());
 * }</pre>
 */
final class Disclosure {
    /** A qualified Java name: {@code com.example.Order}, {@code java.lang.Integer}, {@code a.b.C$D}. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*");
    /** A nested class's binary name ({@code BodyEcho$Item}), or a stack frame ({@code (Order.java:12)}). */
    private static final Pattern NESTED_OR_FRAME = Pattern.compile("\\w\\$\\w|\\.java:\\d+|\\bat [a-z]+\\.[a-z]");
    private static final List<String> WORDS = List.of("com.fasterxml", "jackson", "Exception", "java.", "javax.",
            "jakarta.", "dev.fetchlet", "org.eclipse", "org.apache", "Cannot deserialize", "Cannot construct",
            "BodyEcho", "GreetingFunction", "BindingFixtures");

    private Disclosure() {
    }

    /** Fails naming what {@code body} discloses; {@code what} says which reply it is. */
    static void assertNone(String what, String body) {
        for (String word : WORDS) {
            if (body.contains(word)) {
                fail(what + ": the error body names '" + word + "': " + shorten(body));
            }
        }
        for (Pattern p : List.of(QUALIFIED_NAME, NESTED_OR_FRAME)) {
            Matcher m = p.matcher(body);
            if (m.find()) {
                fail(what + ": the error body discloses '" + m.group() + "': " + shorten(body));
            }
        }
    }

    private static String shorten(String body) {
        return body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }
}
