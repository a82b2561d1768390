package cn.lantai.support;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one Playwright and Chromium of a test run: started by the first browser test, closed when the run ends (JUnit
 * closes what its root store holds). Debian's Chromium, never a browser Playwright would download.
 */
final class Chromium implements AutoCloseable {

    /** Flags for a headless Chromium on a machine without a network: no calls home, no GPU, no sandbox (root). */
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    static final Map<String, String> ENV = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(ENV));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(ChromiumAvailable.CHROMIUM).setHeadless(true).setArgs(ARGS));
    }

    static Browser shared(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(Chromium.class, k -> new Chromium(), Chromium.class).browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
