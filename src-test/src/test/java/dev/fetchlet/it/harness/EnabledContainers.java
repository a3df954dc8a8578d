package dev.fetchlet.it.harness;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The container kinds this run deploys into: the embedded ones ({@link ContainerKind#JETTY},
 * {@link ContainerKind#TOMCAT}) always, the app servers only when the {@value #PROPERTY} system property lists
 * them (comma-separated kind names; the {@code appservers} Maven profile sets it after downloading them).
 * {@link OnEachContainer} takes its kinds from here, so a test class written against it needs no change when
 * a server is added.
 *
 * <pre>{@code
 * // mvn verify                       -> JETTY, TOMCAT, TOMCAT_10, PAYARA, LIBERTY, WILDFLY
 * // mvn verify -DskipAppServers      -> JETTY, TOMCAT
 * @ParameterizedClass
 * @ArgumentsSource(EnabledContainers.class)
 * class MyTest { MyTest(ContainerKind kind) { ... } }
 * }</pre>
 */
public final class EnabledContainers implements ArgumentsProvider {

    /** System property naming the app-server kinds to run besides the embedded containers. */
    public static final String PROPERTY = "fetchlet.appservers";

    private static final Set<ContainerKind> EMBEDDED = EnumSet.of(ContainerKind.JETTY, ContainerKind.TOMCAT);

    /** The kinds to run, in declaration order. */
    public static List<ContainerKind> kinds() {
        Set<ContainerKind> kinds = EnumSet.copyOf(EMBEDDED);
        String listed = System.getProperty(PROPERTY, "");
        for (String name : listed.split(",")) {
            if (!name.isBlank()) {
                kinds.add(parse(name.trim()));
            }
        }
        return new ArrayList<>(kinds);
    }

    /** Whether this run deploys into {@code kind}. */
    public static boolean isEnabled(ContainerKind kind) {
        return kinds().contains(kind);
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        return kinds().stream().map(Arguments::of);
    }

    private static ContainerKind parse(String name) {
        try {
            return ContainerKind.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            // A typo would silently drop a server from the run; say so instead.
            throw new IllegalStateException(PROPERTY + " lists an unknown container kind: " + name, e);
        }
    }
}
