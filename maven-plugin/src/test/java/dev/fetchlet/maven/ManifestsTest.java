package dev.fetchlet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The manifests' text; the kit test parses the generated files with a YAML parser and checks every field. */
class ManifestsTest {

    @Test
    void artifactIdsBecomeValidKubernetesNames() {
        assertEquals("demo", Manifests.kubernetesName("demo"));
        assertEquals("my-app", Manifests.kubernetesName("My_App"));
        assertEquals("app-2", Manifests.kubernetesName("app.2"));
        assertEquals("web", Manifests.kubernetesName("1-web"));
        assertEquals("app", Manifests.kubernetesName("123"));
        assertEquals(63, Manifests.kubernetesName("a".repeat(80)).length());
    }

    @Test
    void stringsAreQuotedSoThatYamlNeverReadsThemAsNumbersOrBooleans() {
        assertEquals("\"1.0\"", Yaml.quoted("1.0"));
        assertEquals("\"on\"", Yaml.quoted("on"));
        assertEquals("\"a \\\"b\\\" \\\\ c\\n\"", Yaml.quoted("a \"b\" \\ c\n"));
    }

    @Test
    void theDeploymentsGracePeriodAndTheKnativeTimeoutAreTheLaunchers() {
        Manifests m = new Manifests("demo", "1.0", "registry.example.com/demo:1.0", 8080, 45);
        assertTrue(m.kubernetes().contains("terminationGracePeriodSeconds: 45\n"), m.kubernetes());
        assertTrue(m.knative().contains("timeoutSeconds: 45\n"), m.knative());
        assertTrue(m.knative().contains("image: \"registry.example.com/demo:1.0\"\n"), m.knative());
    }
}
