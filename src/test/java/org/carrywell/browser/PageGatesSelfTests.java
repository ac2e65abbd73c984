package org.carrywell.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gates can fail: a deliberately broken page (an image without alt text, targets too small to tap, a script
 * from another site, a heavy script, a stray end tag) is caught by each of them, and a good page passes.
 */
class PageGatesSelfTests extends BrowserTest {

	/** Served by the application itself (so with its headers), from the test class path. */
	private static final Path BROKEN = Path.of("target", "test-classes", "static", "js", "gate-test");

	@BeforeAll
	static void writeBrokenPage() throws Exception {
		Files.createDirectories(BROKEN);
		Files.writeString(BROKEN.resolve("broken.html"), """
				<!DOCTYPE html>
				<html lang="en">
				<head><meta charset="utf-8"><title>Broken on purpose</title>
				<script src="https://cdn.example.org/tracker.js"></script>
				<script src="/js/gate-test/heavy.js"></script></head>
				<body><main><h1>Broken on purpose</h1><img src="/img/logo.svg"><p>A stray end tag follows.</div>
				<p><input type="checkbox" aria-label="One"><input type="checkbox" aria-label="Two"></p></main></body>
				</html>
				""");
		// Random digits do not compress: the script weighs what it says, with or without gzip.
		var random = new Random(42);
		var heavy = new StringBuilder("window.heavy = '");
		while (heavy.length() < 200_000) {
			heavy.append(Long.toString(random.nextLong(), 36));
		}
		Files.writeString(BROKEN.resolve("heavy.js"), heavy.append("';\n"));
	}

	@Test
	void aBrokenPageFailsEveryGate() throws Exception {
		Page page = browser.desktop();
		PageGates gates = PageGates.attach(page, base());
		page.navigate(base() + "/js/gate-test/broken.html");
		var report = gates.measure("gate-test-broken");

		assertThat(report.passes()).isFalse();
		assertThat(report.accessibilityViolations()).anySatisfy(violation -> assertThat(violation).startsWith("image-alt"))
			.as("two bare checkboxes side by side are too small a target (WCAG 2.2)")
			.anySatisfy(violation -> assertThat(violation).startsWith("target-size"));
		assertThat(report.consoleErrors()).as("the CSP refuses the other site's script")
			.anySatisfy(error -> assertThat(error).contains("cdn.example.org"));
		assertThat(report.scriptBytes()).isGreaterThan(PageGates.MAX_SCRIPT_BYTES);
		assertThat(report.bytes()).isGreaterThan(PageGates.MAX_PAGE_BYTES);
		assertThat(NuHtmlChecker.errors(List.of(report.html())))
			.anySatisfy(error -> assertThat(error).contains("“alt” attribute"))
			.anySatisfy(error -> assertThat(error).contains("Stray end tag “div”"));
	}

	@Test
	void aRequestToAnotherOriginIsCaughtEvenWhereNoPolicyStopsIt() {
		Page page = browser.desktop();
		PageGates gates = PageGates.attach(page, base());
		// A page without the app's Content-Security-Policy, as a misconfigured proxy might serve it.
		page.route(base() + "/gate-test/no-policy", (Route route) -> route.fulfill(new Route.FulfillOptions()
			.setContentType("text/html")
			.setBody("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><h1>t</h1>"
					+ "<img alt=\"\" src=\"https://images.example.net/pixel.gif\"></main></body></html>")));
		page.navigate(base() + "/gate-test/no-policy");
		var report = gates.measure("gate-test-no-policy");

		assertThat(report.offOrigin()).containsExactly("https://images.example.net/pixel.gif");
		assertThat(report.passes()).isFalse();
	}

	@Test
	void aGoodPagePasses() {
		Page page = browser.phone();
		PageGates gates = PageGates.attach(page, base());
		page.navigate(base() + "/warning-signs");
		var report = gates.check("gate-test-good");
		assertThat(report.bytes()).isPositive();
		assertThat(report.offOrigin()).isEmpty();
	}

}
