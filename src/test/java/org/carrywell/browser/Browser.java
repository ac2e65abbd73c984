package org.carrywell.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, launched with the flags these machines require: headless, no background networking,
 * and a resolver that knows only loopback, so no page can reach another host.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("carrywell.chromium", "/usr/bin/chromium"));

	static final List<String> SAFE_FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser browser;

	private Browser() {
		playwright = Playwright.create();
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(SAFE_FLAGS));
	}

	/**
	 * Skips the calling test where Chromium is not installed (a user's fresh machine), but fails in CI, which
	 * installs it: there, a skipped browser test would hide a broken journey.
	 */
	static Browser launch() {
		boolean present = Files.isExecutable(CHROMIUM);
		if (!present && System.getenv("CI") != null) {
			throw new IllegalStateException("CI must run the browser tests, but " + CHROMIUM + " is missing");
		}
		Assumptions.assumeTrue(present, () -> "Browser tests skipped: no Chromium at " + CHROMIUM
				+ " (install it with: apt-get install chromium)");
		return new Browser();
	}

	/**
	 * A browser profile kept in a folder, as on her phone: the only kind Chromium judges for installing
	 * (a plain context is off the record, and reports "in-incognito").
	 */
	com.microsoft.playwright.BrowserContext persistentContext(Path folder) {
		return playwright.chromium()
			.launchPersistentContext(folder, new BrowserType.LaunchPersistentContextOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(SAFE_FLAGS)
				.setViewportSize(390, 844));
	}

	com.microsoft.playwright.BrowserContext newContext(NewContextOptions options) {
		return browser.newContext(options);
	}

	Page phone() {
		return browser.newContext(new NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))
			.newPage();
	}

	Page desktop() {
		return browser.newContext(new NewContextOptions().setViewportSize(1280, 900)).newPage();
	}

	static Path screenshot(String name) {
		return Path.of("target", "screenshots", name + ".png");
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}

}
