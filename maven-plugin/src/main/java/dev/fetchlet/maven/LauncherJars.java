package dev.fetchlet.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * The launcher's jars: this plugin's own runtime dependencies (the launcher, the adapter, Jetty, Logback), which
 * Maven resolved when it loaded the plugin, so the launcher's version is always the plugin's.
 */
final class LauncherJars {
    static final String MAIN_CLASS = "dev.fetchlet.launcher.Main";

    private final List<Artifact> artifacts;

    LauncherJars(PluginDescriptor plugin) {
        List<Artifact> jars = new ArrayList<>();
        for (Artifact artifact : plugin.getArtifacts()) {
            boolean isPluginItself = artifact.getGroupId().equals(plugin.getGroupId())
                    && artifact.getArtifactId().equals(plugin.getArtifactId());
            if (!isPluginItself && artifact.getFile() != null && "jar".equals(artifact.getArtifactHandler().getExtension())) {
                jars.add(artifact);
            }
        }
        this.artifacts = List.copyOf(jars);
    }

    List<Artifact> artifacts() {
        return artifacts;
    }

    /** {@code groupId:artifactId} of each jar, to leave a project's copies of them out of the dev classpath. */
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        artifacts.forEach(a -> keys.add(key(a)));
        return keys;
    }

    /** The jars joined as a {@code -cp} value. */
    String classpath() {
        List<String> files = new ArrayList<>();
        artifacts.forEach(a -> files.add(a.getFile().getAbsolutePath()));
        return String.join(File.pathSeparator, files);
    }

    static String key(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId();
    }

    /** The {@code java} of the JVM running Maven: a JDK, which the dev server's compiler needs. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
