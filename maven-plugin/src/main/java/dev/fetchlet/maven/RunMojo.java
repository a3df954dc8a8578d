package dev.fetchlet.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the project (up to {@code package}) and serves its WAR on the embedded Jetty launcher until Ctrl-C or
 * SIGTERM, which stop it gracefully.
 *
 * <pre>
 * mvn fetchlet:run -Dfetchlet.port=8080
 * </pre>
 */
@Mojo(name = "run", threadSafe = true)
@Execute(phase = LifecyclePhase.PACKAGE)
public class RunMojo extends AbstractMojo {

    /** The port; else the launcher's own default: {@code FUNC_PORT}, {@code PORT}, 8080. */
    @Parameter(property = "fetchlet.port")
    private Integer port;

    /** The interface to bind, such as {@code 127.0.0.1}; default all. */
    @Parameter(property = "fetchlet.host")
    private String host;

    /** Seconds in-flight requests get to finish on a stop. */
    @Parameter(property = "fetchlet.gracePeriodSeconds", defaultValue = "30")
    private int gracePeriodSeconds;

    /** Options for the launcher's JVM, separated by spaces, such as {@code -Xmx256m}. */
    @Parameter(property = "fetchlet.jvmArgs")
    private String jvmArgs;

    /** The WAR to serve. */
    @Parameter(property = "fetchlet.war", defaultValue = "${project.build.directory}/${project.build.finalName}.war")
    private File war;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException {
        if (!war.isFile()) {
            throw new MojoExecutionException("No WAR at " + war + ": fetchlet:run serves a project with <packaging>war</packaging>");
        }
        LauncherJars launcher = new LauncherJars(plugin);
        List<String> command = new ArrayList<>();
        command.add(LauncherJars.javaExecutable());
        command.addAll(JvmArgs.split(jvmArgs));
        command.addAll(List.of("-cp", launcher.classpath(), LauncherJars.MAIN_CLASS));
        if (port != null) {
            command.addAll(List.of("--port", port.toString()));
        }
        if (host != null && !host.isBlank()) {
            command.addAll(List.of("--host", host));
        }
        command.addAll(List.of("--grace-seconds", Integer.toString(gracePeriodSeconds)));
        command.add(war.getAbsolutePath());
        ChildLauncher.run(command, gracePeriodSeconds, getLog());
    }
}
