package org.switchboard.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the portal: Debian's headless Chromium driven through its chromedriver
 * (Selenium 4), a fresh profile each time. Chromium treats http://localhost as a secure context,
 * so Keycloak's Secure login cookies work as they do for a user.
 */
final class PortalBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 360;
    static final int TABLET_WIDTH = 768;

    final ChromeDriver driver;
    private final Path profile;
    private final WebDriverWait wait;

    /** Skips the calling test, naming the packages, when Chromium or its driver is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromedriver: apt-get install chromium chromium-driver");
    }

    PortalBrowser() throws IOException {
        assumeInstalled();
        profile = Files.createTempDirectory("portal-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + DESKTOP_WIDTH + ",900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // A form post replaces the page while a wait looks at it: look again rather than fail.
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Opens the portal, signs in at Keycloak's own form, and waits to be back on the portal. */
    PortalBrowser login(String portal, String user, String password) {
        driver.get(portal);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(portal) && !d.findElements(By.id("main")).isEmpty());
        return this;
    }

    void open(String url) {
        driver.get(url);
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void waitForText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /** Fetches a URL with the browser's own session (cookies), as a click on a download link would. */
    String fetch(String url) {
        Object body = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { return r.text(); })"
                        + ".then(done, function (e) { done('FETCH FAILED ' + e); });", url);
        return String.valueOf(body);
    }

    /** Fetches a URL with the browser's session: "STATUS BODY", so a test can check the answer's code too. */
    String fetchWithStatus(String url, String method, String jsonBody) {
        Object answer = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "var init = {method: arguments[1], credentials: 'same-origin', headers: {'Content-Type': 'application/json'}};"
                        + "if (arguments[2]) { init.body = arguments[2]; }"
                        + "fetch(arguments[0], init).then(function (r) { return r.text().then(function (t) { return r.status + ' ' + t; }); })"
                        + ".then(done, function (e) { done('FETCH FAILED ' + e); });", url, method, jsonBody);
        return String.valueOf(answer);
    }

    /**
     * Saves the current page at desktop width and at tablet width, 768 px (NAME-desktop.png and
     * NAME-tablet.png), and returns the page width at 768 px.
     */
    long tabletScreenshots(String name) throws IOException {
        return screenshots(name, TABLET_WIDTH, "tablet");
    }

    /** Fails when a page is wider than 360 px at 360 px, i.e. scrolls sideways on a phone. */
    static void assertWithin360(long width, String page) {
        org.junit.jupiter.api.Assertions.assertTrue(width <= PHONE_WIDTH,
                page + " scrolls sideways at 360 px: " + width + " px wide");
    }

    /** The page's width in CSS pixels as laid out: wider than the window means sideways scrolling. */
    long pageWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    /**
     * Saves the current page at desktop width and at 360 px (ear/target/screenshots/NAME-desktop.png
     * and NAME-360.png), checks it for accessibility at both widths ({@link #assertAccessible}) and
     * returns the page width at 360 px.
     */
    long screenshots(String name) throws IOException {
        return screenshots(name, PHONE_WIDTH, "360");
    }

    private long screenshots(String name, int narrowWidth, String narrowName) throws IOException {
        Path dir = Path.of(System.getProperty("switchboard.test.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        resize(DESKTOP_WIDTH);
        save(dir.resolve(name + "-desktop.png"));
        assertAccessible(name + " at " + DESKTOP_WIDTH + " px");
        resize(narrowWidth);
        save(dir.resolve(name + "-" + narrowName + ".png"));
        assertAccessible(name + " at " + narrowWidth + " px");
        long width = pageWidth();
        resize(DESKTOP_WIDTH);
        return width;
    }

    /**
     * Runs axe-core (all its rules: WCAG 2.x A and AA, and its best practices) on the page as it is
     * now and fails on any violation axe rates serious or critical (missing labels, contrast, names
     * of buttons and links, ARIA misuse), naming the rule and the elements.
     */
    void assertAccessible(String what) {
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core could not check " + what + ": " + results.getErrorMessage());
        }
        List<String> serious = results.getViolations().stream()
                .filter(rule -> SERIOUS.contains(rule.getImpact()))
                .map(PortalBrowser::describe)
                .toList();
        if (!serious.isEmpty()) {
            throw new AssertionError("accessibility of " + what + " (" + driver.getCurrentUrl() + "):\n" + String.join("\n", serious));
        }
    }

    private static final Set<String> SERIOUS = Set.of("serious", "critical");

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget()))
                .toList();
    }

    private void resize(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        // Let the layout settle at the new width (media queries, PrimeFaces' responsive tables).
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth")).intValue() <= width);
    }

    private void save(Path file) throws IOException {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> paths = Files.walk(profile)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
