package dev.fetchlet.architecture;

import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyTarget;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dev.fetchlet.function.CloudEventFunction;
import dev.fetchlet.function.HttpFunction;
import dev.fetchlet.mount.JavalinApp;
import dev.fetchlet.servlet.FetchletInitializer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The package structure the design describes (docs/design.md): a servlet-free Fetch API, a core host that names
 * no feature, features that plug in through the SPI and do not know each other, and {@code internal} packages
 * used only inside their own feature. The core/feature line is where the Maven modules will split.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.fetchlet");

    /** The core: the Fetch API and the servlet host (dispatch, WebSocket, servlet mounts). */
    private static final String[] CORE = {"dev.fetchlet", "dev.fetchlet.config..", "dev.fetchlet.dispatch..",
            "dev.fetchlet.internal..", "dev.fetchlet.middleware..", "dev.fetchlet.routing..", "dev.fetchlet.servlet..",
            "dev.fetchlet.websocket..",
            "dev.fetchlet.mount.."};

    /** The features, each a set of packages; they plug into the core through dev.fetchlet.servlet.Feature. */
    private static final Map<String, String[]> FEATURES = Map.of(
            "functions", new String[] {"dev.fetchlet.function..", "dev.fetchlet.cloudevent.."},
            "health", new String[] {"dev.fetchlet.health.."},
            "metrics", new String[] {"dev.fetchlet.metrics.."},
            "javalin", new String[] {"dev.fetchlet.javalin.."});

    /**
     * The container must be told which types to hand the initializer before anything runs, and a function
     * without {@code @Route} is found by its type alone: the one place the core names a feature's types.
     */
    private static final DescribedPredicate<Dependency> HANDLES_TYPES = DescribedPredicate.describe(
            "@HandlesTypes naming the function types",
            d -> d.getOriginClass().isEquivalentTo(FetchletInitializer.class)
                    && (d.getTargetClass().isEquivalentTo(HttpFunction.class)
                    || d.getTargetClass().isEquivalentTo(CloudEventFunction.class)));

    @Test
    void theFetchApiImportsNoServletType() {
        noClasses().that().resideInAPackage("dev.fetchlet")
                .should().dependOnClassesThat().resideInAPackage("jakarta..")
                .check(MAIN);
    }

    @Test
    void theCoreImportsNoFeaturePackage() {
        for (Map.Entry<String, String[]> feature : FEATURES.entrySet()) {
            ArchRuleDefinition.classes().that().resideInAnyPackage(CORE)
                    .should(onlyHaveDependenciesWhere(
                            DescribedPredicate.not(dependencyTarget(resideInAnyPackage(feature.getValue())))
                                    .or(HANDLES_TYPES)))
                    .because("the core must serve a WAR without the " + feature.getKey() + " feature")
                    .check(MAIN);
        }
    }

    @Test
    void theCoreImportsNoCloudEventsPrometheusOrJavalin() {
        noClasses().that().resideInAnyPackage(CORE)
                .and().doNotBelongToAnyOf(JavalinApp.class) // moves to the Javalin module with the split
                .should().dependOnClassesThat().resideInAnyPackage("io.cloudevents..", "io.prometheus..", "io.javalin..")
                .check(MAIN);
    }

    @Test
    void featuresDoNotImportEachOther() {
        for (Map.Entry<String, String[]> feature : FEATURES.entrySet()) {
            for (Map.Entry<String, String[]> other : FEATURES.entrySet()) {
                if (!other.getKey().equals(feature.getKey())) {
                    noClasses().that().resideInAnyPackage(feature.getValue())
                            .should().dependOnClassesThat().resideInAnyPackage(other.getValue())
                            .because(feature.getKey() + " and " + other.getKey() + " are separate features")
                            .check(MAIN);
                }
            }
        }
    }

    @Test
    void anInternalPackageIsUsedOnlyInsideItsFeature() {
        ArchRuleDefinition.classes().should(new ArchCondition<JavaClass>("use internal packages of their own feature only") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    int internal = target.indexOf(".internal");
                    if (internal < 0) {
                        continue;
                    }
                    String owner = target.substring(0, internal); // dev.fetchlet.function for ...function.internal
                    String from = origin.getPackageName();
                    boolean inside = from.equals(owner) || from.startsWith(owner + ".");
                    if (!inside) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).check(MAIN);
    }

    @Test
    void noPackageHoldsMoreThan25Files() {
        Map<String, Integer> topLevel = new TreeMap<>();
        for (JavaClass c : MAIN) {
            if (c.isTopLevelClass()) {
                topLevel.merge(c.getPackageName(), 1, Integer::sum);
            }
        }
        List<String> over = topLevel.entrySet().stream().filter(e -> e.getValue() > 25)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        assertTrue(over.isEmpty(), "packages over 25 files: " + over);
    }

    @Test
    void theFeaturesAreFoundThroughTheServiceLoader() {
        List<String> found = java.util.ServiceLoader.load(dev.fetchlet.servlet.Feature.class).stream()
                .map(p -> p.type().getSimpleName()).toList();
        assertEquals(List.of("FunctionFeature", "MountFeature", "JavalinFeature", "HealthFeature", "MetricsFeature"),
                found);
    }
}
