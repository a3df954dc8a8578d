package dev.fetchlet.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Copies the launcher's jars into one folder ({@code target/fetchlet/launcher} by default), for a container
 * image: Jib adds the folder as a layer of its own, apart from the WAR's, so a code change rebuilds only the
 * app's layers. The image starts it with {@code java -cp '/app/launcher/*' dev.fetchlet.launcher.Main /app/webapp}.
 */
@Mojo(name = "launcher", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class LauncherMojo extends AbstractMojo {

    /** Where the jars go; the folder is emptied first. */
    @Parameter(property = "fetchlet.launcherDirectory", defaultValue = "${project.build.directory}/fetchlet/launcher")
    private File outputDirectory;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException {
        Path folder = outputDirectory.toPath();
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> old = Files.list(folder)) {
                    for (Path file : (Iterable<Path>) old::iterator) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(folder);
            Set<String> names = new HashSet<>();
            for (Artifact jar : new LauncherJars(plugin).artifacts()) {
                String name = jar.getFile().getName();
                if (!names.add(name)) {
                    name = jar.getGroupId() + "-" + name; // same file name from two groups
                }
                Files.copy(jar.getFile().toPath(), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            getLog().info("Launcher jars for the image in " + folder);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not copy the launcher's jars to " + folder + ": " + e.getMessage(), e);
        }
    }
}
