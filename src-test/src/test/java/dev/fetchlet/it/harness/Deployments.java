package dev.fetchlet.it.harness;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * One running deployment of the conformance WAR ({@link Wars#conformance()}) per container kind, shared by every
 * test in the JVM: started on first use, stopped when the JVM exits (a shutdown hook), so the suite pays each
 * container's start once. A container kind's class has {@code static Deployment start(Path war)}, and
 * {@link #start} hands it that WAR.
 *
 * <p>Tests must therefore not change a deployment's state in ways other tests could see.
 */
public final class Deployments {

    private static final Map<ContainerKind, Deployment> RUNNING = new EnumMap<>(ContainerKind.class);
    /** A kind that failed to start is not tried again: each test would wait minutes for an app server. */
    private static final Map<ContainerKind, RuntimeException> FAILED = new EnumMap<>(ContainerKind.class);
    private static boolean hookInstalled;

    private Deployments() {
    }

    /**
     * The running deployment for a kind, started now if this is the first call.
     *
     * @throws IllegalStateException if the WAR is missing or fails to deploy
     * @throws org.opentest4j.TestAbortedException if {@code kind} is an app server this run does not enable
     *     (see {@link EnabledContainers}), so a test over every kind skips it rather than fails
     */
    public static synchronized Deployment of(ContainerKind kind) {
        Assumptions.assumeTrue(EnabledContainers.isEnabled(kind),
            () -> kind + " is not enabled in this run (" + EnabledContainers.PROPERTY + ")");
        Deployment deployment = RUNNING.get(kind);
        if (deployment == null) {
            if (FAILED.containsKey(kind)) {
                throw new IllegalStateException(kind + " failed to start earlier in this run", FAILED.get(kind));
            }
            TestLogging.quietContainers();
            try {
                deployment = start(kind);
            } catch (RuntimeException e) {
                FAILED.put(kind, e);
                throw e;
            }
            RUNNING.put(kind, deployment);
            installShutdownHook();
        }
        return deployment;
    }

    private static Deployment start(ContainerKind kind) {
        try {
            // Every kind serves the same WAR: the example app with the suite's fixtures laid over it.
            Path war = Wars.conformance();
            return switch (kind) {
                case JETTY -> JettyDeployment.start(war);
                case TOMCAT -> TomcatDeployment.start(war);
                case TOMCAT_10 -> Tomcat10Deployment.start(war);
                case PAYARA -> PayaraDeployment.start(war);
                case LIBERTY -> LibertyDeployment.start(war);
                case WILDFLY -> WildFlyDeployment.start(war);
            };
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start " + kind + ": " + e.getMessage(), e);
        }
    }

    private static void installShutdownHook() {
        if (hookInstalled) {
            return;
        }
        hookInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(Deployments::stopAll, "stop-deployments"));
    }

    private static synchronized void stopAll() {
        RUNNING.forEach((kind, deployment) -> {
            try {
                ((AutoCloseable) deployment).close();
            } catch (Exception e) {
                System.err.println("Stopping " + kind + " failed: " + e);
            }
        });
        RUNNING.clear();
    }
}
