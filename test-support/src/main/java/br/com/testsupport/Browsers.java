package br.com.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Objects;

/**
 * Debian's Chromium driven by Playwright, shared by the browser tests of one JVM. Playwright never
 * downloads a browser here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set by the build); CHROMIUM_PATH
 * overrides {@code /usr/bin/chromium}.
 */
public final class Browsers {

    private static final Path CHROMIUM =
            Paths.get(Objects.requireNonNullElse(System.getenv("CHROMIUM_PATH"), "/usr/bin/chromium"));

    /** Our machines have no network beyond loopback: background services of Chromium would only fail. */
    private static final List<String> QUIET_FLAGS = List.of(
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {}

    public static synchronized Browser chromium() {
        if (browser == null) {
            playwright = Playwright.create();
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(CHROMIUM)
                            .setHeadless(true)
                            .setArgs(QUIET_FLAGS));
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "playwright-close"));
        }
        return browser;
    }

    /** Saves a full-page screenshot under target/screenshots for a person to look at. */
    /**
     * Clicks a button that closes its own window (the signup popup posts its message, then closes) and
     * waits for the window to go. The window may close before Playwright has finished the click; that
     * is what the click was for, not a failure.
     */
    public static void clickClosing(Page window, Locator button) {
        window.waitForClose(() -> {
            try {
                button.click(new Locator.ClickOptions().setNoWaitAfter(true));
            } catch (PlaywrightException closedFirst) {
                if (!window.isClosed()) {
                    throw closedFirst;
                }
            }
        });
    }

    public static Path screenshot(Page page, String name) {
        Path file = Paths.get("target", "screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The whole page at the current size, to {@code file}. */
    public static void fullScreenshot(Page page, Path file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    /** The whole page on a 390 × 844 phone, to {@code file}; then back to a 1280 × 800 laptop. */
    public static void phoneScreenshot(Page page, Path file) {
        page.setViewportSize(390, 844);
        fullScreenshot(page, file);
        page.setViewportSize(1280, 800);
    }

    /** A Brazilian merchant's browser: pt-BR, São Paulo time, a laptop screen. */
    public static BrowserContext brazilianContext() {
        return chromium().newContext(brazilian());
    }

    /** The options of {@link #brazilianContext()}, for a context that needs more (HTTP credentials). */
    public static Browser.NewContextOptions brazilian() {
        return new Browser.NewContextOptions()
                .setLocale("pt-BR")
                .setTimezoneId("America/Sao_Paulo")
                .setViewportSize(1280, 900);
    }

    /** Logs a store user in through the login form. */
    public static void logIn(Page page, String baseUrl, String email, String password) {
        page.navigate(baseUrl + "/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Senha").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar"))
                .click();
    }
}
