package dev.caisey.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver: a fresh profile per browser, no background traffic, and
 * trust in exactly one certificate, the test server's (its public key pinned by hash), so TLS is real and nothing
 * else is trusted.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** How long a test waits for the page to show something. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Whether the browser is installed (the tests are skipped when it is not). */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Starts a browser that trusts only {@code server}'s certificate. */
    static Browser start(X509Certificate server) throws IOException {
        Path profile = Files.createTempDirectory("caisey-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,800",
                "--user-data-dir=" + profile,
                "--ignore-certificate-errors-spki-list=" + spkiHash(server));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    /** Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo, as Chromium's pin list wants it. */
    static String spkiHash(X509Certificate certificate) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(certificate.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        try {
            return driver.findElement(By.cssSelector(css));
        } catch (org.openqa.selenium.NoSuchElementException e) {
            throw new AssertionError("no " + css + " on the page: " + describe());
        }
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until {@code condition} gives something other than {@code null} or {@code false}. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> what + "; the page: " + describe())
                .until(condition);
    }

    /** Where the browser is and what it shows and logged, for a failing test's message. */
    String describe() {
        String body = driver.findElements(By.tagName("body")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("(no body)");
        StringBuilder logs = new StringBuilder();
        driver.manage()
                .logs()
                .get("browser")
                .forEach(entry -> logs.append("\n  ").append(entry.getMessage()));
        return driver.getCurrentUrl() + "\n" + body.substring(0, Math.min(body.length(), 1500)) + "\nconsole:" + logs;
    }

    /** Waits until the element's text contains {@code text}. */
    void awaitText(String css, String text) {
        await(
                "'" + text + "' in " + css,
                d -> d.findElements(By.cssSelector(css)).stream()
                        .anyMatch(e -> e.getText().contains(text)));
    }

    /** Clicks a button that submits a form and waits until the next page has replaced this one. */
    void submit(String css) {
        WebElement button = find(css);
        button.click();
        await("the next page after " + css, org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button));
    }

    /** Whether a JavaScript alert is open. */
    boolean alertShown() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Runs script in the page and waits for it to call its callback (the last argument). */
    Object async(String script, Object... args) {
        driver.manage().timeouts().scriptTimeout(WAIT);
        return driver.executeAsyncScript(script, args);
    }

    /** Shows the page as on a screen {@code width} × {@code height} CSS pixels (a phone when narrow). */
    void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** Saves what the page shows now as a PNG. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
