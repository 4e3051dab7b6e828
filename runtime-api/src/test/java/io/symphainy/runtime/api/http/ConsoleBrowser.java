package io.symphainy.runtime.api.http;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven by Playwright for Java, with no browser download and no network of its own, and
 * the folder the console screenshots go to ({@code console-screenshots} in the module's build directory).
 */
final class ConsoleBrowser implements AutoCloseable {

    /** Where Debian's {@code chromium} package puts the browser; {@code CHROMIUM_PATH} overrides it. */
    static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");

    private static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage");
    private static final double DEFAULT_TIMEOUT_MS = 30_000;

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;

    private ConsoleBrowser(Playwright playwright, Browser browser, Path screenshots) {
        this.playwright = playwright;
        this.browser = browser;
        this.screenshots = screenshots;
    }

    /** Skips the calling test (JUnit assumption) when Chromium is not installed, saying so. */
    static void assumeChromiumInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(chromium()), "Console browser tests skipped: no Chromium at "
                + chromium() + " (install Debian's chromium package, as .ci/run does, or set CHROMIUM_PATH)");
    }

    /** Launches Chromium. */
    static ConsoleBrowser launch() {
        Path chromium = chromium();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium)
                    .setHeadless(true)
                    .setChromiumSandbox(false)
                    .setArgs(CHROMIUM_ARGS));
            return new ConsoleBrowser(playwright, browser, screenshotFolder());
        } catch (RuntimeException launchFailed) {
            playwright.close();
            throw launchFailed;
        }
    }

    private static Path chromium() {
        String configured = System.getenv("CHROMIUM_PATH");
        return configured == null || configured.isBlank() ? DEFAULT_CHROMIUM : Path.of(configured);
    }

    /** A fresh page in its own context (own sessionStorage), sized like a laptop screen. */
    Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1366, 768)
                .setAcceptDownloads(true));
        context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
        return context.newPage();
    }

    /** Saves a full-page screenshot as {@code name}.png. */
    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    Path screenshots() {
        return screenshots;
    }

    /** {@code console-screenshots} beside {@code test-classes} in the build directory (target, or -Dtarget.dir). */
    private static Path screenshotFolder() {
        try {
            Path testClasses = Path.of(ConsoleBrowser.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            Path folder = testClasses.getParent().resolve("console-screenshots");
            Files.createDirectories(folder);
            return folder;
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot create the console screenshot folder", e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
