package dev.fetchlet.it.websocket;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fetchlet.it.harness.ContainerKind;
import dev.fetchlet.it.harness.Deployment;
import dev.fetchlet.it.harness.Deployments;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page end to end in a real headless Chromium: two browsers open {@code chat.html} in the same room,
 * one types a message, the other shows it. Skipped, with the reason, where Chromium and its driver are not
 * installed (the build installs them through {@code scripts/ensure-chromium.sh} where it can).
 */
// Embedded Jetty and Tomcat only: the browser adds nothing container-specific over the conformance tests.
@ParameterizedClass(name = "{0}")
@EnumSource(value = ContainerKind.class, names = {"JETTY", "TOMCAT"})
class ChatBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Deployment deployment;
    private final ContainerKind kind;
    private final List<WebDriver> browsers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    ChatBrowserTest(ContainerKind kind) {
        this.kind = kind;
        this.deployment = Deployments.of(kind);
    }

    @Test
    void aMessageTypedInOneBrowserAppearsInTheOther() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium browser test skipped: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed "
                        + "(Debian packages chromium and chromium-driver; scripts/ensure-chromium.sh installs them as root)");
        String room = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        WebDriver alice = open(room, "alice");
        WebDriver bob = open(room, "bob");
        waitForText(alice, "bob joined");

        WebDriverWait aliceWait = new WebDriverWait(alice, WAIT);
        aliceWait.until(ExpectedConditions.elementToBeClickable(By.id("message")))
                .sendKeys("Hello from Alice <b>not bold</b>", Keys.ENTER);

        waitForText(bob, "Hello from Alice <b>not bold</b>");
        assertTrue(bob.findElements(By.cssSelector("#messages b")).isEmpty(), "message text must not become HTML");

        bob.findElement(By.id("message")).sendKeys("Hi Alice, Bob here");
        bob.findElement(By.id("send")).click();
        waitForText(alice, "Hi Alice, Bob here");

        screenshot(bob, "chat-" + kind.name().toLowerCase() + ".png");
    }

    private WebDriver open(String room, String name) throws IOException {
        Path profile = Files.createTempDirectory("fetchlet-chromium-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        // The system's chromedriver, so that Selenium Manager has nothing to look up or download.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        browser.get(deployment.uri("/chat.html?room=" + room + "&name=" + name).toString());
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "open"));
        return browser;
    }

    private static void waitForText(WebDriver browser, String text) {
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), text));
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    @AfterEach
    void closeBrowsers() throws IOException {
        for (WebDriver browser : browsers) {
            browser.quit();
        }
        for (Path profile : profiles) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
