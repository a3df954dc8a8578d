package dev.fetchlet.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Serves the project's handler sources with the launcher's dev server: compiled in memory from
 * {@code src/main/java}, recompiled and swapped in on every change, a compile error shown on its route's page.
 * The project's dependencies (compile and runtime scope) and resources are on the class path, so handlers may
 * use any library the project declares. Ctrl-C or SIGTERM stops it.
 *
 * <pre>
 * mvn fetchlet:dev -Dfetchlet.port=8080
 * </pre>
 *
 * <p>Libraries the launcher itself carries (the Fetchlet adapter, Jetty, Jackson, SLF4J, Logback) are the
 * launcher's copies; a project's other libraries are loaded once, and only the sources reload.
 */
@Mojo(name = "dev", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DevMojo extends AbstractMojo {

    /** The port; else {@code FUNC_PORT}, {@code PORT}, 8080. */
    @Parameter(property = "fetchlet.port")
    private Integer port;

    /** The interface to bind; default {@code localhost}, since development mode shows errors in detail. */
    @Parameter(property = "fetchlet.host")
    private String host;

    /** Options for the dev server's JVM, separated by spaces. */
    @Parameter(property = "fetchlet.jvmArgs")
    private String jvmArgs;

    /** The folder of sources served: {@code functions/api/hello.java} serves {@code /api/hello}. */
    @Parameter(property = "fetchlet.sources", defaultValue = "${project.build.sourceDirectory}")
    private File sources;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException {
        if (!sources.isDirectory()) {
            throw new MojoExecutionException("No sources folder at " + sources);
        }
        LauncherJars launcher = new LauncherJars(plugin);
        List<String> command = new ArrayList<>();
        command.add(LauncherJars.javaExecutable());
        command.addAll(JvmArgs.split(jvmArgs));
        command.addAll(List.of("-cp", launcher.classpath(), LauncherJars.MAIN_CLASS, "dev"));
        if (port != null) {
            command.addAll(List.of("--port", port.toString()));
        }
        if (host != null && !host.isBlank()) {
            command.addAll(List.of("--host", host));
        }
        String classpath = String.join(File.pathSeparator, projectClasspath(launcher.keys()));
        if (!classpath.isEmpty()) {
            command.addAll(List.of("--classpath", classpath));
        }
        command.add(sources.getAbsolutePath());
        ChildLauncher.run(command, 0, getLog());
    }

    /** The project's resource folders and its compile and runtime dependencies the launcher does not carry. */
    private List<String> projectClasspath(Set<String> launcherKeys) {
        List<String> entries = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            if (new File(resource.getDirectory()).isDirectory()) {
                entries.add(resource.getDirectory());
            }
        }
        for (Artifact artifact : project.getArtifacts()) {
            boolean runtime = Artifact.SCOPE_COMPILE.equals(artifact.getScope())
                    || Artifact.SCOPE_RUNTIME.equals(artifact.getScope());
            if (runtime && artifact.getFile() != null && !launcherKeys.contains(LauncherJars.key(artifact))) {
                entries.add(artifact.getFile().getAbsolutePath());
            }
        }
        return entries;
    }
}
