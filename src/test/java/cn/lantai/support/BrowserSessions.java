package cn.lantai.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Gives each {@link BrowserTest} a fresh browser context and page before it runs, and closes them after. */
class BrowserSessions implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        BrowserTest test = (BrowserTest) context.getRequiredTestInstance();
        test.open(Chromium.shared(context), context.getRequiredTestClass().getSimpleName(),
                context.getRequiredTestMethod().getName());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ((BrowserTest) context.getRequiredTestInstance()).close();
    }
}
