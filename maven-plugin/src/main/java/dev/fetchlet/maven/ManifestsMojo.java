package dev.fetchlet.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes {@code target/kubernetes/knative.yml} (a Knative Service) and {@code target/kubernetes/kubernetes.yml}
 * (a Deployment and a Service) for the project's image: probes on {@code /health/liveness} and
 * {@code /health/readiness}, container port 8080, and a termination grace period equal to the launcher's.
 *
 * <p>The image is {@code fetchlet.image}, else Jib's {@code jib.to.image}, else {@code artifactId:version}:
 * the name Jib gives the image by default.
 */
@Mojo(name = "manifests", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class ManifestsMojo extends AbstractMojo {

    /** The launcher's default grace period, which the manifests repeat unless told otherwise. */
    static final int LAUNCHER_GRACE_SECONDS = 30;

    /** The image the manifests run. */
    @Parameter(property = "fetchlet.image")
    private String image;

    /** The Kubernetes name of the service; default the artifact id, made a valid name. */
    @Parameter(property = "fetchlet.name")
    private String name;

    /** The port the container listens on (the image's, and Knative's default). */
    @Parameter(property = "fetchlet.containerPort", defaultValue = "8080")
    private int containerPort;

    /** Seconds in-flight requests get on a stop; set in the pod's grace period and as FUNC_GRACE_PERIOD. */
    @Parameter(property = "fetchlet.gracePeriodSeconds", defaultValue = "" + LAUNCHER_GRACE_SECONDS)
    private int gracePeriodSeconds;

    /** Jib's target image, if the project or the command line names one. */
    @Parameter(property = "jib.to.image", readonly = true)
    private String jibImage;

    @Parameter(property = "fetchlet.manifestsDirectory", defaultValue = "${project.build.directory}/kubernetes")
    private File outputDirectory;

    @Parameter(property = "fetchlet.manifests.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Manifests skipped");
            return;
        }
        Manifests manifests = new Manifests(
                name == null || name.isBlank() ? Manifests.kubernetesName(project.getArtifactId()) : name,
                project.getVersion(), image(), containerPort, gracePeriodSeconds);
        Path folder = outputDirectory.toPath();
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("knative.yml"), manifests.knative(), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("kubernetes.yml"), manifests.kubernetes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the manifests to " + folder + ": " + e.getMessage(), e);
        }
        getLog().info("Knative and Kubernetes manifests for image " + manifests.image() + " in " + folder);
    }

    private String image() {
        if (image != null && !image.isBlank()) {
            return image;
        }
        if (jibImage != null && !jibImage.isBlank()) {
            return jibImage;
        }
        return project.getArtifactId() + ":" + project.getVersion();
    }
}
