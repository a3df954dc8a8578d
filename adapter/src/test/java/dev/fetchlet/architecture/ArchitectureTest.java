package dev.fetchlet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dev.fetchlet.Request;
import dev.fetchlet.db.Database;
import dev.fetchlet.function.HttpFunction;
import dev.fetchlet.javalin.JavalinApp;
import dev.fetchlet.servlet.Feature;
import dev.fetchlet.servlet.FetchletInitializer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The module structure the design describes (docs/design.md), checked on the compiled classes of every module:
 * a servlet-free Fetch API; a servlet host that names no optional module; optional feature modules (functions,
 * metrics, javalin, db) that plug in through the host's {@link Feature} SPI and never import each other; and
 * {@code internal} packages used only where their owner allows. Each class is placed in its module by where it
 * was loaded from (the module's jar or classes folder), so a class moved to the wrong module fails here.
 */
class ArchitectureTest {
    /** Each module, by one class it holds. */
    private static final Map<String, Class<?>> MODULES = modules();

    /** The optional modules: what a WAR with only fetchlet-servlet does without. */
    private static final List<String> FEATURE_MODULES = List.of("functions", "metrics", "javalin", "db");

    /**
     * Who may use each {@code internal} package besides its own module. The API's helpers (JSON, media types,
     * UTF-8 checks) are shared with the two modules that read and write the API's requests and responses, so
     * that the logic exists once; a feature's internals are its own.
     */
    private static final Map<String, Set<String>> INTERNAL_USERS = Map.of(
            "dev.fetchlet.internal", Set.of("servlet", "functions"),
            "dev.fetchlet.function.internal", Set.of());

    private static final Map<String, JavaClasses> CLASSES = imported();
    private static final JavaClasses ALL = new ClassFileImporter().importLocations(
            MODULES.values().stream().map(ArchitectureTest::location).toList());

    private static Map<String, Class<?>> modules() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("api", Request.class);
        m.put("servlet", FetchletInitializer.class);
        m.put("functions", HttpFunction.class);
        m.put("metrics", dev.fetchlet.metrics.MetricsFeature.class);
        m.put("javalin", JavalinApp.class);
        m.put("db", Database.class);
        return m;
    }

    /** Where {@code c} was loaded from: its module's jar, or its classes folder when run from an IDE. */
    private static Location location(Class<?> c) {
        try {
            Path path = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(path) ? Location.of(new JarFile(path.toFile())) : Location.of(path);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, JavaClasses> imported() {
        Map<String, JavaClasses> m = new LinkedHashMap<>();
        MODULES.forEach((name, c) -> {
            JavaClasses classes = new ClassFileImporter().importLocations(List.of(location(c)));
            if (!classes.contain(c)) {
                throw new IllegalStateException("the " + name + " module's classes were not found at " + location(c));
            }
            m.put(name, classes);
        });
        return m;
    }

    private static String moduleOf(JavaClass c) {
        for (Map.Entry<String, JavaClasses> e : CLASSES.entrySet()) {
            if (e.getValue().contain(c.getName())) {
                return e.getKey();
            }
        }
        return null; // a library's class
    }

    @Test
    void eachModuleHoldsItsOwnPackages() {
        assertTrue(CLASSES.get("api").stream().allMatch(c -> c.getPackageName().equals("dev.fetchlet")
                || c.getPackageName().equals("dev.fetchlet.internal")), "the API module holds only the API packages");
        for (String module : List.of("servlet", "functions", "metrics", "javalin", "db")) {
            assertTrue(CLASSES.get(module).stream().noneMatch(c -> c.getPackageName().equals("dev.fetchlet")),
                    module + " adds no class to the API package");
        }
    }

    @Test
    void theApiImportsNoServletTypeAndNoOtherModule() {
        noClasses().should().dependOnClassesThat().resideInAPackage("jakarta..").check(CLASSES.get("api"));
        ArchRuleDefinition.classes().should(dependOnlyOnModules(Set.of("api")))
                .because("handlers are written against the API alone").check(CLASSES.get("api"));
    }

    @Test
    void theServletHostImportsNoOptionalModule() {
        ArchRuleDefinition.classes().should(dependOnlyOnModules(Set.of("api", "servlet")))
                .because("a WAR with only fetchlet-servlet must deploy").check(CLASSES.get("servlet"));
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.cloudevents..", "io.prometheus..", "io.javalin..", "com.zaxxer..")
                .check(CLASSES.get("servlet"));
    }

    @Test
    void featureModulesDoNotImportEachOther() {
        for (String feature : FEATURE_MODULES) {
            ArchRuleDefinition.classes().should(dependOnlyOnModules(Set.of("api", "servlet", feature)))
                    .because(feature + " plugs into the servlet host only, through its Feature SPI")
                    .check(CLASSES.get(feature));
        }
    }

    @Test
    void anInternalPackageIsUsedOnlyByItsOwnerAndTheModulesItNames() {
        ArchRuleDefinition.classes().should(new ArchCondition<JavaClass>("use only internal packages open to them") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = moduleOf(origin);
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    String pkg = target.getPackageName();
                    if (!pkg.endsWith(".internal") && !pkg.contains(".internal.")) {
                        continue;
                    }
                    String owner = moduleOf(target);
                    if (owner == null || owner.equals(from)) {
                        continue;
                    }
                    Set<String> allowed = INTERNAL_USERS.get(pkg);
                    if (allowed == null || !allowed.contains(from)) {
                        events.add(SimpleConditionEvent.violated(d, from + ": " + d.getDescription()));
                    }
                }
            }
        }).check(ALL);
    }

    @Test
    void noPackageHoldsMoreThan25Files() {
        Map<String, Integer> topLevel = new TreeMap<>();
        for (JavaClass c : ALL) {
            if (c.isTopLevelClass()) {
                topLevel.merge(c.getPackageName(), 1, Integer::sum);
            }
        }
        List<String> over = topLevel.entrySet().stream().filter(e -> e.getValue() > 25)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        assertTrue(over.isEmpty(), "packages over 25 files: " + over);
    }

    @Test
    void eachModuleListsOnlyItsOwnFeatures() {
        Map<String, List<String>> byModule = new TreeMap<>();
        for (ServiceLoader.Provider<Feature> p : ServiceLoader.load(Feature.class).stream().toList()) {
            String module = null;
            for (Map.Entry<String, Class<?>> m : MODULES.entrySet()) {
                if (m.getValue().getProtectionDomain().getCodeSource().getLocation()
                        .equals(p.type().getProtectionDomain().getCodeSource().getLocation())) {
                    module = m.getKey();
                }
            }
            byModule.computeIfAbsent(module, k -> new ArrayList<>()).add(p.type().getSimpleName());
        }
        assertEquals(Map.of("servlet", List.of("MountFeature", "HealthFeature"),
                "functions", List.of("FunctionFeature"), "metrics", List.of("MetricsFeature"),
                "javalin", List.of("JavalinFeature"), "db", List.of("PoolMetrics")), byModule);
    }

    /** Classes whose dependencies on Fetchlet's modules stay within {@code modules}. */
    private static ArchCondition<JavaClass> dependOnlyOnModules(Set<String> modules) {
        return new ArchCondition<>("depend only on the modules " + modules) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String module = moduleOf(d.getTargetClass());
                    if (module != null && !modules.contains(module)) {
                        events.add(SimpleConditionEvent.violated(d, module + ": " + d.getDescription()));
                    }
                }
            }
        };
    }
}
