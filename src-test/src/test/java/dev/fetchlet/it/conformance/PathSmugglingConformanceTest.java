package dev.fetchlet.it.conformance;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.OnEachContainer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §4, paths that try to climb or cross segments, from the corpus in {@code conformance/malformed-http.txt}:
 * {@code ..;} and {@code .;} (which Tomcat normalises as dot segments after stripping the parameter), escaped
 * dots before {@code ;}, encoded {@code /} and {@code \}, a literal backslash: 400 on every container, and the
 * handler the path would reach once normalised never runs. Double-encoded forms ({@code %252e%252e}) are
 * decoded once only, so they stay a literal name and reach the handler as such.
 */
@OnEachContainer
class PathSmugglingConformanceTest extends MalformedCorpusTest {
    PathSmugglingConformanceTest(ContainerKind kind) {
        super(kind);
    }

    static List<MalformedCase> paths() {
        return MalformedCase.load("path");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void path(MalformedCase c) throws IOException {
        check(c);
    }
}
