package dev.fetchlet.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment kit as a new user meets it: generate {@code demo} from the archetype with the documented
 * command, build and test it, build its image without a Docker daemon from a local base image tar (no registry
 * is reachable here), read its manifests, then serve it with {@code fetchlet:run} and {@code fetchlet:dev}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentKitIT {
    private static final int GRACE_SECONDS = 30; // the launcher's default (LaunchOptions)
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Mvn mvn;
    private Path demo;
    private Path baseImage;
    /** The image's files above the base layer, unpacked; the entrypoint, relative to this folder. */
    private Path rootfs;
    private List<String> entrypoint;

    @BeforeAll
    void generateAndBuild() throws Exception {
        Path work = Path.of(System.getProperty("kit.work"));
        deleteTree(work);
        Files.createDirectories(work);
        mvn = new Mvn(work);
        baseImage = writeBaseImage(work.resolve("base-image.tar"));
        mvn.run(work, 120, "archetype:generate", "-DarchetypeGroupId=dev.fetchlet",
                "-DarchetypeArtifactId=fetchlet-archetype", "-DarchetypeVersion=" + System.getProperty("kit.version"),
                "-DgroupId=com.example", "-DartifactId=demo", "-Dversion=1.0-SNAPSHOT",
                "-Dpackage=com.example.demo", "-DinteractiveMode=false");
        demo = work.resolve("demo");
        // verify, then the image, in one Maven run: the project's tests run, and jib:buildTar sees the package.
        mvn.run(demo, 200, "-Djib.disableUpdateChecks=true", "-Djib.from.image=tar://" + baseImage, "verify",
                "jib:buildTar");
    }

    @Test
    @Order(1)
    void theGeneratedProjectHasWhatTheIssueLists() throws IOException {
        String pom = Files.readString(demo.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>fetchlet-bom</artifactId>") && pom.contains("<scope>import</scope>"), pom);
        assertTrue(pom.contains("<artifactId>commons-text</artifactId>"), "a third-party library");
        assertTrue(Files.readString(demo.resolve("src/main/java/functions/api/hello.java")).contains("WordUtils"),
                "the handler uses the third-party library");
        assertTrue(Files.readString(demo.resolve("src/main/java/com/example/demo/GreetingFunction.java"))
                .contains("implements CloudEventFunction"));
        for (String file : new String[] {"README.md", "Dockerfile", "src/main/resources/logback.xml",
            "src/test/java/com/example/demo/HelloTest.java", "src/test/java/com/example/demo/ApplicationIT.java"}) {
            assertTrue(Files.isRegularFile(demo.resolve(file)), file);
        }
        String dockerfile = Files.readString(demo.resolve("Dockerfile"));
        assertEquals(2, dockerfile.lines().filter(l -> l.startsWith("FROM ")).count(), "multi-stage");
    }

    @Test
    @Order(2)
    void verifyRanTheUnitAndIntegrationTestsAndBuiltTheWar() throws IOException {
        assertTrue(Files.isRegularFile(demo.resolve("target/demo.war")));
        assertTrue(Files.readString(demo.resolve("target/surefire-reports/com.example.demo.HelloTest.txt"))
                .contains("Tests run: 4, Failures: 0, Errors: 0, Skipped: 0"));
        assertTrue(Files.readString(demo.resolve("target/failsafe-reports/com.example.demo.ApplicationIT.txt"))
                .contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0"));
    }

    @Test
    @Order(3)
    void theImageStartsTheLauncherAsNonRootOn8080WithLauncherAndAppInSeparateLayers() throws Exception {
        Map<String, byte[]> image;
        try (InputStream in = Files.newInputStream(demo.resolve("target/jib-image.tar"))) {
            image = Tar.read(in);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(image.get("manifest.json")).get(0);
        JsonNode config = json.readTree(image.get(manifest.get("Config").asText())).get("config");

        entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        assertEquals(List.of("java", "-XX:MaxRAMPercentage=75", "-cp", "/app/launcher/*", "dev.fetchlet.launcher.Main",
                "/app/webapp"), entrypoint);
        assertTrue(config.get("ExposedPorts").has("8080/tcp"), config.toString());
        String user = config.get("User").asText();
        assertFalse(user.isEmpty() || user.equals("root") || user.startsWith("0:") || user.equals("0"), user);
        List<String> env = new ArrayList<>();
        if (config.has("Env")) {
            config.get("Env").forEach(e -> env.add(e.asText()));
        }
        assertTrue(env.stream().noneMatch(e -> e.startsWith("FUNC_PORT=")), "FUNC_PORT would shadow PORT: " + env);
        assertTrue(env.stream().anyMatch(e -> e.startsWith("PATH=")), "the base image's environment is kept: " + env);

        int launcherLayer = -1;
        int classesLayer = -1;
        int librariesLayer = -1;
        JsonNode layers = manifest.get("Layers");
        rootfs = Files.createDirectories(demo.resolve("target/rootfs"));
        for (int i = 0; i < layers.size(); i++) {
            Map<String, byte[]> files;
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(image.get(layers.get(i).asText())))) {
                files = Tar.read(in);
            }
            if (i > 0) {
                unpack(files, rootfs);
            }
            if (files.keySet().stream().anyMatch(name(n -> n.matches("app/launcher/fetchlet-jetty-launcher-.*\\.jar")))) {
                launcherLayer = i;
            }
            if (files.containsKey("app/webapp/WEB-INF/classes/functions/api/hello.class")
                    || files.containsKey("/app/webapp/WEB-INF/classes/functions/api/hello.class")) {
                classesLayer = i;
            }
            if (files.keySet().stream().anyMatch(name(n -> n.matches("app/webapp/WEB-INF/lib/commons-text-.*\\.jar")))) {
                librariesLayer = i;
            }
        }
        assertNotEquals(-1, launcherLayer, "a layer holds the launcher");
        assertNotEquals(-1, classesLayer, "a layer holds the app's classes");
        assertNotEquals(-1, librariesLayer, "a layer holds the app's libraries");
        assertNotEquals(launcherLayer, classesLayer);
        assertNotEquals(launcherLayer, librariesLayer);
        assertNotEquals(0, launcherLayer, "the base image's layer comes first");
    }

    @Test
    @Order(4)
    void theImagesFilesStartWithItsEntrypointAndListenOnPort() throws Exception {
        assertNotNull(entrypoint, "the image test ran first");
        // No container runtime here: run the entrypoint on the image's own files, /app mapped to the unpacked
        // layers, with the JVM running this test as the image's java.
        List<String> command = new ArrayList<>();
        entrypoint.forEach(arg -> command.add(onImage(arg)));
        int port = freePort();
        Process image = startImage(command, port, "target/image-run.log");
        try {
            awaitBody(image, port, "/api/hello?name=grace", body -> body.equals("Hello, Grace!"), 60);
            assertEquals(200, get(port, "/health/readiness").statusCode());
        } finally {
            image.destroy();
            assertTrue(image.waitFor(40, TimeUnit.SECONDS), "the launcher did not stop on SIGTERM");
        }
        assertEquals(0, image.exitValue(), "a graceful stop exits 0");
        assertPortClosed(port);
    }

    /**
     * The Dockerfile's training run and entrypoint, run on the image's files (the Dockerfile lays them out as Jib
     * does): the training run writes an AppCDS archive, and the entrypoint starts with it mapped. {@code -Xshare:on}
     * makes a JVM that cannot use the archive fail instead of starting without it.
     */
    @Test
    @Order(5)
    void theDockerfilesTrainingRunWritesAnArchiveItsEntrypointMaps() throws Exception {
        assertNotNull(rootfs, "the image test ran first");
        List<String> dockerfile = Files.readAllLines(demo.resolve("Dockerfile"));
        String training = dockerfile.stream().filter(l -> l.startsWith("RUN java -XX:ArchiveClassesAtExit="))
                .findFirst().orElseThrow().substring("RUN ".length());
        List<String> train = new ArrayList<>();
        for (String arg : training.split(" ")) {
            train.add(onImage(arg.replace("\"", "")));
        }
        Path archive = rootfs.resolve("app/app.jsa");
        Files.deleteIfExists(archive);
        Process run = new ProcessBuilder(train).redirectErrorStream(true)
                .redirectOutput(demo.resolve("target/image-training.log").toFile()).start();
        assertTrue(run.waitFor(180, TimeUnit.SECONDS), "the training run did not end");
        assertEquals(0, run.exitValue(), Files.readString(demo.resolve("target/image-training.log")));
        assertTrue(Files.size(archive) > 1_000_000, "an archive of the app's classes: " + Files.size(archive));

        String entry = dockerfile.stream().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        List<String> command = new ArrayList<>();
        new ObjectMapper().readTree(entry.substring("ENTRYPOINT ".length())).forEach(a -> command.add(onImage(a.asText())));
        assertTrue(command.contains("-XX:SharedArchiveFile=" + archive), command.toString());
        command.add(1, "-Xshare:on");
        int port = freePort();
        Process image = startImage(command, port, "target/image-archive-run.log");
        try {
            awaitBody(image, port, "/api/hello?name=ada", body -> body.equals("Hello, Ada!"), 60);
        } finally {
            image.destroy();
            assertTrue(image.waitFor(40, TimeUnit.SECONDS), "the launcher did not stop on SIGTERM");
        }
    }

    // The image's command as a container runtime would start it: PORT set, as Knative does, and no FUNC_PORT.
    private Process startImage(List<String> command, int port, String log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(demo.resolve(log).toFile());
        builder.environment().remove("FUNC_PORT");
        builder.environment().put("PORT", Integer.toString(port));
        return builder.start();
    }

    // An argument of the image's command, with the image's /app mapped to its unpacked files, and this JVM as java.
    private String onImage(String arg) {
        if (arg.equals("java")) {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
        return arg.replace("/app/", rootfs + "/app/");
    }

    private static void unpack(Map<String, byte[]> files, Path root) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String name = file.getKey().replaceFirst("^\\.?/", "");
            Path target = root.resolve(name).normalize();
            assertTrue(target.startsWith(root), name);
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    private static Predicate<String> name(Predicate<String> test) {
        return n -> test.test(n.startsWith("/") ? n.substring(1) : n);
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void theKnativeServiceHasProbesPortImageAndTheLaunchersGracePeriod() throws IOException {
        List<Object> docs = loadAll(demo.resolve("target/kubernetes/knative.yml"));
        assertEquals(1, docs.size());
        Map<String, Object> service = (Map<String, Object>) docs.get(0);
        assertEquals("serving.knative.dev/v1", service.get("apiVersion"));
        assertEquals("Service", service.get("kind"));
        assertEquals("demo", at(service, "metadata", "name"));
        Map<String, Object> podSpec = (Map<String, Object>) at(service, "spec", "template", "spec");
        // Knative gives the pod a termination grace period equal to the revision's timeoutSeconds.
        assertEquals(GRACE_SECONDS, podSpec.get("timeoutSeconds"));
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        assertEquals("demo:1.0-SNAPSHOT", container.get("image"));
        assertEquals(8080, ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort"));
        assertEquals("/health/liveness", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals("/health/readiness", at(container, "readinessProbe", "httpGet", "path"));
        assertEquals(List.of(Map.of("name", "FUNC_GRACE_PERIOD", "value", String.valueOf(GRACE_SECONDS))),
                container.get("env"));
    }

    @Test
    @Order(7)
    @SuppressWarnings("unchecked")
    void theKubernetesDeploymentAndServiceHaveProbesPortImageAndTheLaunchersGracePeriod() throws IOException {
        List<Object> docs = loadAll(demo.resolve("target/kubernetes/kubernetes.yml"));
        assertEquals(2, docs.size());
        Map<String, Object> deployment = (Map<String, Object>) docs.get(0);
        assertEquals("apps/v1", deployment.get("apiVersion"));
        assertEquals("Deployment", deployment.get("kind"));
        assertEquals("demo", at(deployment, "metadata", "name"));
        Map<String, Object> labels = (Map<String, Object>) at(deployment, "spec", "template", "metadata", "labels");
        assertEquals(labels, at(deployment, "spec", "selector", "matchLabels"));
        Map<String, Object> podSpec = (Map<String, Object>) at(deployment, "spec", "template", "spec");
        assertEquals(GRACE_SECONDS, podSpec.get("terminationGracePeriodSeconds"));
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        assertEquals("demo:1.0-SNAPSHOT", container.get("image"));
        assertEquals(8080, ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort"));
        assertEquals("/health/liveness", at(container, "livenessProbe", "httpGet", "path"));
        assertEquals(8080, at(container, "livenessProbe", "httpGet", "port"));
        assertEquals("/health/readiness", at(container, "readinessProbe", "httpGet", "path"));
        assertEquals(8080, at(container, "readinessProbe", "httpGet", "port"));
        assertEquals(true, at(container, "securityContext", "runAsNonRoot"));

        Map<String, Object> service = (Map<String, Object>) docs.get(1);
        assertEquals("v1", service.get("apiVersion"));
        assertEquals("Service", service.get("kind"));
        assertEquals(labels, at(service, "spec", "selector"));
        Map<String, Object> port = ((List<Map<String, Object>>) at(service, "spec", "ports")).get(0);
        assertEquals(8080, port.get("targetPort"));
    }

    @Test
    @Order(8)
    void fetchletRunServesTheBuiltAppAndStopsOnSigterm() throws Exception {
        int port = freePort();
        Process run = mvn.start(demo, "-o", "-DskipTests", "-Dfetchlet.host=127.0.0.1", "-Dfetchlet.port=" + port,
                "fetchlet:run");
        try {
            HttpResponse<String> hello = awaitBody(run, port, "/api/hello?name=ada%20lovelace",
                    body -> body.equals("Hello, Ada Lovelace!"), 150);
            assertEquals(200, hello.statusCode());
            assertEquals(200, get(port, "/health/readiness").statusCode());
        } finally {
            stop(run);
        }
        assertPortClosed(port);
    }

    @Test
    @Order(9)
    void fetchletDevServesSourcesWithTheProjectsLibrariesAndReloadsAnEdit() throws Exception {
        int port = freePort();
        Path hello = demo.resolve("src/main/java/functions/api/hello.java");
        String original = Files.readString(hello);
        Process dev = mvn.start(demo, "-o", "-Dfetchlet.port=" + port, "fetchlet:dev");
        try {
            // WordUtils comes from commons-text, a dependency of the project and not of the launcher.
            awaitBody(dev, port, "/api/hello?name=ada%20lovelace", body -> body.equals("Hello, Ada Lovelace!"), 120);

            Files.writeString(hello, original.replace("\"Hello, \"", "\"Hello again, \""));
            long edited = System.nanoTime();
            awaitBody(dev, port, "/api/hello?name=ada", body -> body.equals("Hello again, Ada!"), 30);
            System.out.printf("fetchlet:dev served the edit after %d ms%n", (System.nanoTime() - edited) / 1_000_000);

            Files.writeString(hello, original.replace("return Response.text(", "return Response.txt("));
            HttpResponse<String> broken = awaitResponse(dev, port, "/api/hello", r -> r.statusCode() == 500, 30);
            assertTrue(broken.body().contains("hello.java"), broken.body());
        } finally {
            Files.writeString(hello, original);
            stop(dev);
        }
        assertPortClosed(port);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** A minimal docker-save tarball: one empty layer and a config, so that Jib needs no registry. */
    private static Path writeBaseImage(Path tar) throws Exception {
        byte[] layer = Tar.write(Map.of());
        String diffId = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(layer));
        String config = """
                {"architecture":"amd64","os":"linux",
                 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},
                 "rootfs":{"type":"layers","diff_ids":["%s"]},
                 "history":[{"created_by":"a local test base image"}]}
                """.formatted(diffId);
        String manifest = "[{\"Config\":\"config.json\",\"RepoTags\":[\"test-base:latest\"],\"Layers\":[\"layer.tar\"]}]";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("config.json", config.getBytes(StandardCharsets.UTF_8));
        files.put("layer.tar", layer);
        files.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        Files.write(tar, Tar.write(files));
        return tar;
    }

    private static List<Object> loadAll(Path yaml) throws IOException {
        List<Object> docs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(yaml)) {
            new Yaml().loadAll(in).forEach(docs::add);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> map, String... keys) {
        Object node = map;
        for (String key : keys) {
            assertNotNull(node, "missing before " + key);
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    private HttpResponse<String> awaitBody(Process process, int port, String path, Predicate<String> body,
                                           int seconds) throws Exception {
        return awaitResponse(process, port, path, r -> r.statusCode() == 200 && body.test(r.body()), seconds);
    }

    private HttpResponse<String> awaitResponse(Process process, int port, String path,
                                               Predicate<HttpResponse<String>> wanted, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Maven exited with " + process.exitValue() + "\n" + mvn.lastLog());
            }
            try {
                last = get(port, path);
                if (wanted.test(last)) {
                    return last;
                }
            } catch (ConnectException | java.net.http.HttpConnectTimeoutException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " never answered as expected; last: "
                + (last == null ? "no answer" : last.statusCode() + " " + last.body()) + "\n" + mvn.lastLog());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM to Maven, as Ctrl-C or an orchestrator would: Maven and the launcher it started must both end. */
    private void stop(Process maven) throws Exception {
        List<ProcessHandle> children = maven.descendants().toList();
        maven.destroy();
        assertTrue(maven.waitFor(40, TimeUnit.SECONDS), "Maven did not stop on SIGTERM\n" + mvn.lastLog());
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(child.isAlive(), "the launcher outlived Maven: " + child.info());
        }
    }

    private static void assertPortClosed(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            throw new AssertionError("port " + port + " is still open");
        } catch (IOException expected) {
            // refused: nothing listens any more
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
