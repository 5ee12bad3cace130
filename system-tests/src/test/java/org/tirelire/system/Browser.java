package org.tirelire.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs), narrow like a phone by default. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Starting Chromium takes seconds on a busy two-core machine, and the suite opens dozens of browsers:
 * each Chromium started is kept for the next test when closed, after what a visitor leaves behind is wiped
 * (cookies, cache, extra windows), so a page measured is still loaded as on a first visit.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM =
            Path.of(System.getenv().getOrDefault("TIRELIRE_CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("TIRELIRE_CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** Chromium processes waiting for the next test, with JavaScript on (true) or off (false). */
    private static final Map<Boolean, Deque<Chromium>> IDLE =
            Map.of(true, new ArrayDeque<>(), false, new ArrayDeque<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Browser::quitIdle, "chromium-quit"));
    }

    private final Chromium chromium;
    private final ChromeDriver driver;
    private final String baseUrl;
    private boolean closed;

    /** One Chromium process, its driver, and the profile directory it was started with. */
    private record Chromium(ChromeDriver driver, Path profile, boolean javascript) {

        static Chromium start(boolean javascript) {
            if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
                throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                        + "apt-get install chromium chromium-driver; .ci/run installs them), or TIRELIRE_CHROMIUM and "
                        + "TIRELIRE_CHROMEDRIVER naming another Chromium and its driver.");
            }
            Path profile;
            try {
                profile = Files.createTempDirectory("tirelire-chromium-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ChromeOptions options = new ChromeOptions()
                    .setBinary(CHROMIUM.toFile())
                    .addArguments(
                            "--headless=new",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-dev-shm-usage",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run",
                            "--user-data-dir=" + profile);
            // A French visitor, as most of the associations' donors are (headless Chromium ignores --lang).
            Map<String, Object> preferences = new HashMap<>(Map.of("intl.accept_languages", "fr-FR,fr"));
            if (!javascript) {
                preferences.put("profile.managed_default_content_settings.javascript", 2);
            }
            options.setExperimentalOption("prefs", preferences);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Chromium(new ChromeDriver(service, options), profile, javascript);
        }

        /**
         * Back to a first visit: one blank window, no cookie, an empty cache. (The pages keep nothing else in
         * the browser: no local storage, no service worker.)
         */
        void wipe() {
            String kept = driver.getWindowHandles().iterator().next();
            for (String window : driver.getWindowHandles()) {
                if (!window.equals(kept)) {
                    driver.switchTo().window(window).close();
                }
            }
            driver.switchTo().window(kept);
            driver.get("about:blank");
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        }

        void quit() {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }

    private Browser(String baseUrl, boolean javascript, int width) {
        this.chromium = lease(javascript);
        this.driver = chromium.driver();
        this.driver.manage().window().setSize(new Dimension(width, 900));
        this.baseUrl = baseUrl;
    }

    private static Chromium lease(boolean javascript) {
        Chromium idle;
        synchronized (IDLE) {
            idle = IDLE.get(javascript).poll();
        }
        return idle != null ? idle : Chromium.start(javascript);
    }

    private static void quitIdle() {
        synchronized (IDLE) {
            IDLE.values().forEach(idle -> {
                idle.forEach(Chromium::quit);
                idle.clear();
            });
        }
    }

    /** A phone-sized browser (390 px) with JavaScript on. */
    static Browser phone(String baseUrl) {
        return new Browser(baseUrl, true, 390);
    }

    static Browser withoutJavaScript(String baseUrl) {
        return new Browser(baseUrl, false, 390);
    }

    static Browser ofWidth(String baseUrl, int width) {
        return new Browser(baseUrl, true, width);
    }

    /** A path of the platform, or a whole address elsewhere (another site that embeds its widgets). */
    Browser open(String pathOrAddress) {
        driver.get(pathOrAddress.startsWith("http") ? pathOrAddress : baseUrl + pathOrAddress);
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Types into the field whose label reads {@code label} (the way a person finds it, and proof it has one). */
    Browser fill(String label, String text) {
        WebElement field = labelled(label);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    WebElement labelled(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space(.)=" + xpathLiteral(label)
                + " or starts-with(normalize-space(.), " + xpathLiteral(label + " ") + ")]"));
        String forId = labelElement.getAttribute("for");
        return forId == null || forId.isBlank()
                ? labelElement.findElement(By.cssSelector("input, textarea, select"))
                : driver.findElement(By.id(forId));
    }

    /** Follows the link or presses the button with this text, and waits for the page it leads to. */
    Browser click(String visibleText) {
        return press(driver.findElement(
                By.xpath("//*[(self::a or self::button) and normalize-space(.)=" + xpathLiteral(visibleText) + "]")));
    }

    /**
     * Presses the link or button this selector finds, and waits for the next page. Found again if
     * Chromium answers that the node it found no longer belongs to the document: just after a
     * navigation, the page can still be swapping its document when the click arrives.
     */
    Browser press(String css) {
        WebElement[] pressedOn = new WebElement[1];
        // Only the click is tried again: once it went through, the element may be gone with its page.
        waiting(Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(ignored -> {
                    try {
                        WebElement page = find("html");
                        find(css).click();
                        pressedOn[0] = page;
                        return true;
                    } catch (WebDriverException replaced) {
                        if (swappingDocument(replaced)) {
                            return false;
                        }
                        throw replaced;
                    }
                });
        awaitReplaced(pressedOn[0]);
        return this;
    }

    /** Presses a link or a form's button, and waits until the next page has replaced this one. */
    Browser press(WebElement linkOrButton) {
        WebElement page = find("html");
        linkOrButton.click();
        awaitReplaced(page);
        return this;
    }

    /**
     * Until {@code page} is gone. Chromium says so either as a stale element, or, while it swaps the
     * document, as a node that "does not belong to the document": both mean the next page is coming.
     */
    private void awaitReplaced(WebElement page) {
        waiting(Duration.ofSeconds(20)).until(ignored -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException swapping) {
                if (swappingDocument(swapping)) {
                    return true;
                }
                throw swapping;
            }
        });
    }

    private static boolean swappingDocument(WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    String text(String css) {
        return find(css).getText();
    }

    String pageText() {
        return find("body").getText();
    }

    /**
     * The text of the page in the frame this selector finds, as the visitor sees it; the browser's own error
     * page when it refused to show the frame there.
     */
    String frameText(String css) {
        driver.switchTo().frame(find(css));
        try {
            return pageText();
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    /** Works inside the frame this selector finds, as a person does on the part of the page it shows. */
    void inFrame(String css, java.util.function.Consumer<Browser> work) {
        driver.switchTo().frame(find(css));
        try {
            work.accept(this);
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    String title() {
        return driver.getTitle();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    String cookie(String name) {
        var cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Bytes transferred for the page and everything it loaded, as the browser counted them. */
    long transferredBytes() {
        return ((Number) script("return performance.getEntriesByType('navigation')[0].transferSize"
                        + " + performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, 0);"))
                .longValue();
    }

    /** Form fields without a label or an accessible name: a screen reader could not announce them. */
    List<String> unlabelledFields() {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>)
                script("return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]"
                        + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label'))"
                        + ".map(e => e.name || e.id);");
        return unlabelled;
    }

    boolean scrollsSideways() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth;");
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wipes this Chromium and keeps it for the next test; one that no longer answers is quit instead. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            chromium.wipe();
        } catch (WebDriverException broken) {
            chromium.quit();
            return;
        }
        synchronized (IDLE) {
            IDLE.get(chromium.javascript()).push(chromium);
        }
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
