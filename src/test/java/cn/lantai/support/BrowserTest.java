package cn.lantai.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.PlaywrightException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Base of the browser tests: the whole application on a random port (one Spring context for every browser test), and
 * for each test a fresh browser context (no cookies) in Debian's Chromium at 1366×768, Chinese unless told otherwise.
 * Every page that loads is saved as a full-page screenshot under
 * {@code target/screenshots/<TestClass>/<test>-<nn>-<step>.png}; {@link #screenshot(String)} adds named ones. A
 * JavaScript dialog (alert, confirm …) fails the test: nothing the archive stores may ever run as script.
 *
 * <pre>{@code
 * class MyBrowserTest extends BrowserTest {
 *     @Test
 *     void theCatalogueOpensAfterSigningIn() {
 *         signIn(Account.ARCHIVIST);
 *         assertThat(page).hasURL(url("/catalogue"));
 *     }
 * }
 * }</pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith({ChromiumAvailable.class, BrowserSessions.class})
public abstract class BrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    protected int port;

    @Autowired
    protected Staff staff;

    protected BrowserContext context;
    protected Page page;

    private final List<String> dialogs = new ArrayList<>();
    private Path screenshots;
    private String testName;
    private int step;
    private static final double PATIENCE_MS = 45_000;
    /**
     * A page that has just loaded and is already leaving makes its screenshot wait for a page that never settles: it
     * is given up after this, not after the whole patience (one such wait held a test 45 s).
     */
    private static final double LOADED_PAGE_SCREENSHOT_MS = 5_000;
    private boolean inScreenshot;

    /** Called before each test by {@link BrowserSessions}. */
    void open(Browser browser, String testClass, String testName) {
        this.screenshots = SCREENSHOTS.resolve(testClass);
        this.testName = testName;
        this.step = 0;
        forgetEarlierScreenshots();
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL(url("")).setLocale("zh-CN")
                .setViewportSize(1366, 768));
        // generous: CI shares two cores with PostgreSQL and SolrCloud; a step that passes ends as soon as it can
        context.setDefaultTimeout(PATIENCE_MS);
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE_MS);
        page = context.newPage();
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        page.onLoad(p -> screenshotOfLoadedPage(slug(p.url())));
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) {
                System.out.println(testName + ": browser console " + m.type() + ": " + m.text());
            }
        });
    }

    /** Called after each test by {@link BrowserSessions}: the last state is kept, and any dialog fails the test. */
    void close() {
        try {
            if (page != null && !page.isClosed()) {
                screenshot("end");
            }
        } finally {
            context.close();
        }
        if (!dialogs.isEmpty()) {
            throw new AssertionError("the page opened JavaScript dialogs: " + dialogs);
        }
    }

    /** The absolute address of a path of the application under test. */
    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Signs in through the sign-in form, as a person would, and waits for their first page ({@link Account#landing}). */
    protected void signIn(Account account) {
        if (account.equals(Account.ARCHIVIST)) {
            staff.token(Staff.ARCHIVIST);
        }
        page.navigate(url("/login"));
        page.locator("#username").fill(account.username());
        page.locator("#password").fill(account.password());
        page.locator("#password").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*" + account.landing() + "$"));
        page.waitForLoadState();
    }

    /** Opens a page of the application (path such as {@code /search?q=通知}). */
    protected void visit(String path) {
        page.navigate(url(path));
    }

    /** Saves a full-page screenshot of what the browser shows now, named for the step. */
    protected void screenshot(String name) {
        screenshot(name, PATIENCE_MS);
    }

    private void screenshot(String name, double timeoutMs) {
        if (inScreenshot || page.isClosed()) {
            return;
        }
        inScreenshot = true;
        try {
            step++;
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setTimeout(timeoutMs)
                    .setPath(screenshots.resolve(String.format("%s-%02d-%s.png", testName, step, name))));
        } finally {
            inScreenshot = false;
        }
    }

    /** A test's screenshots are those of its last run only. */
    private void forgetEarlierScreenshots() {
        if (!Files.isDirectory(screenshots)) {
            return;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(screenshots, testName + "-*.png")) {
            for (Path file : old) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A page that has just loaded may already be leaving (a redirect, a click that the test made meanwhile): its
     * screenshot is taken if it still can be, and a note is printed if not.
     */
    private void screenshotOfLoadedPage(String name) {
        try {
            screenshot(name, LOADED_PAGE_SCREENSHOT_MS);
        } catch (PlaywrightException e) {
            System.out.println(testName + ": no screenshot of " + name + " (the page moved on): "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String slug(String url) {
        String path = url.replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");
        String slug = path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "root" : slug;
    }
}
