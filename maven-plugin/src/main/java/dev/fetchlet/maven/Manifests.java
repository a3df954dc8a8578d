package dev.fetchlet.maven;

import java.util.Locale;

/**
 * The Knative Service and the Kubernetes Deployment and Service of one app, as YAML text.
 *
 * @param name the Kubernetes name (a DNS label) of the service and its app label
 * @param version the app's version, for the {@code app.kubernetes.io/version} label
 * @param image the container image
 * @param port the container port the launcher listens on
 * @param gracePeriodSeconds the launcher's grace period; the pod's termination grace period is the same
 */
record Manifests(String name, String version, String image, int port, int gracePeriodSeconds) {

    static final String LIVENESS = "/health/liveness";
    static final String READINESS = "/health/readiness";

    /**
     * A Knative Service. Knative sets a pod's termination grace period to the revision's {@code timeoutSeconds}
     * (and does not accept the field itself), so that is where the launcher's grace period goes; probes name no
     * port, as Knative requires, and go to the container port.
     */
    String knative() {
        Yaml y = new Yaml()
                .text(0, "apiVersion", "serving.knative.dev/v1")
                .text(0, "kind", "Service");
        metadata(y, 0);
        y.block(0, "spec").block(2, "template");
        y.block(4, "metadata").block(6, "labels").text(8, "app.kubernetes.io/name", name);
        y.block(4, "spec").number(6, "timeoutSeconds", gracePeriodSeconds).block(6, "containers");
        container(y, 8, false);
        return y.toString();
    }

    /** A Deployment and a ClusterIP Service in front of it (port 80 to the container port). */
    String kubernetes() {
        Yaml y = new Yaml()
                .text(0, "apiVersion", "apps/v1")
                .text(0, "kind", "Deployment");
        metadata(y, 0);
        y.block(0, "spec").number(2, "replicas", 1)
                .block(2, "selector").block(4, "matchLabels").text(6, "app.kubernetes.io/name", name)
                .block(2, "template")
                .block(4, "metadata").block(6, "labels").text(8, "app.kubernetes.io/name", name)
                .block(4, "spec").number(6, "terminationGracePeriodSeconds", gracePeriodSeconds)
                .block(6, "containers");
        container(y, 8, true);
        y.line(0, "---")
                .text(0, "apiVersion", "v1")
                .text(0, "kind", "Service");
        metadata(y, 0);
        y.block(0, "spec").text(2, "type", "ClusterIP")
                .block(2, "selector").text(4, "app.kubernetes.io/name", name)
                .block(2, "ports")
                .line(4, "- name: " + Yaml.quoted("http"))
                .number(6, "port", 80)
                .number(6, "targetPort", port);
        return y.toString();
    }

    private void metadata(Yaml y, int indent) {
        y.block(indent, "metadata").text(indent + 2, "name", name)
                .block(indent + 2, "labels")
                .text(indent + 4, "app.kubernetes.io/name", name)
                .text(indent + 4, "app.kubernetes.io/version", version)
                .text(indent + 4, "app.kubernetes.io/managed-by", "fetchlet-maven-plugin");
    }

    private void container(Yaml y, int indent, boolean probePort) {
        int i = indent + 2;
        y.line(indent, "- name: " + Yaml.quoted("app"))
                .text(i, "image", image)
                .block(i, "ports").line(i + 2, "- containerPort: " + port)
                .block(i, "env")
                .line(i + 2, "- name: " + Yaml.quoted("FUNC_GRACE_PERIOD")).text(i + 4, "value", Integer.toString(gracePeriodSeconds))
                .block(i, "securityContext").line(i + 2, "runAsNonRoot: true").line(i + 2, "allowPrivilegeEscalation: false");
        probe(y, i, "livenessProbe", LIVENESS, probePort);
        probe(y, i, "readinessProbe", READINESS, probePort);
    }

    private void probe(Yaml y, int indent, String key, String path, boolean withPort) {
        y.block(indent, key).block(indent + 2, "httpGet").text(indent + 4, "path", path);
        if (withPort) {
            y.number(indent + 4, "port", port);
        }
        y.number(indent + 2, "periodSeconds", 10);
    }

    /**
     * A valid Kubernetes name (RFC 1035 label) from a Maven artifact id: lower case, other characters become
     * {@code -}, at most 63 characters, starting with a letter.
     */
    static String kubernetesName(String artifactId) {
        String name = artifactId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^[^a-z]+", "").replaceAll("-+$", "");
        if (name.length() > 63) {
            name = name.substring(0, 63).replaceAll("-+$", "");
        }
        return name.isEmpty() ? "app" : name;
    }
}
