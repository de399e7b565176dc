package dev.caisey.e2e;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where the browser tests save what the pages look like: {@code target/screenshots} on every run, and the folder named
 * by the {@code caisey.screenshots} property when it is set ({@code -Dcaisey.screenshots=../docs/screenshots} renews
 * the README's pictures).
 */
final class Screenshots {
    private Screenshots() {}

    static void save(Browser browser, String name) throws IOException {
        browser.screenshot(Path.of("target", "screenshots", name));
        String docs = System.getProperty("caisey.screenshots");
        if (docs != null && !docs.isBlank()) {
            browser.screenshot(Path.of(docs, name));
        }
    }
}
