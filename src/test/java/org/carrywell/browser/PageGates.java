package org.carrywell.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.RequestOptions;

/**
 * The quality gates every page a journey visits must pass: no axe-core violation of the WCAG 2.0/2.1/2.2 A and
 * AA rules, every request to the app's own origin, at most 100 KB transferred (compressed, with an empty cache)
 * and 30 KB of it JavaScript, and no console error. Each checked page's HTML, as the server sent it, is also
 * saved for the Nu HTML checker ({@link NuHtmlChecker}), which runs once over all of them.
 *
 * <p>Attach once per page, then call {@link #check(String)} after each navigation: it judges everything that
 * happened since the previous check.
 */
final class PageGates {

	static final long MAX_PAGE_BYTES = 100 * 1024;

	static final long MAX_SCRIPT_BYTES = 30 * 1024;

	static final Path SAVED_HTML = Path.of("target", "nu-pages");

	/** axe-core from its webjar; evaluated through the DevTools protocol, so the page's CSP stays in force. */
	private static final String AXE_SOURCE = resource("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js");

	private static final String AXE_RUN = """
			async () => {
			  // target-size (WCAG 2.2, 2.5.8) is off by default in this axe version: switched on explicitly.
			  const result = await axe.run(document, {
			    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
			    rules: { 'target-size': { enabled: true } } });
			  return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
			    + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | '));
			}""";

	private final Page page;

	private final String origin;

	private final List<String> requested = new ArrayList<>();

	private final List<Request> finished = new ArrayList<>();

	private final List<String> consoleErrors = new ArrayList<>();

	/** Pages shown by the service worker with no network: judged as the browser shows them. */
	private final boolean offline;

	private PageGates(Page page, String origin, boolean offline) {
		this.page = page;
		this.origin = origin;
		this.offline = offline;
	}

	/**
	 * Starts watching a page; from now on its cache is off and its service worker bypassed, so every page is
	 * weighed as a first visit.
	 */
	static PageGates attach(Page page, String origin) {
		return attach(page, origin, false);
	}

	/**
	 * Watches a page that works with no network (docs/offline.md): its service worker stays in the way, and each
	 * page is saved for the HTML checker as the browser has it (nothing can be fetched again).
	 */
	static PageGates attachOffline(Page page, String origin) {
		return attach(page, origin, true);
	}

	private static PageGates attach(Page page, String origin, boolean offline) {
		var gates = new PageGates(page, origin, offline);
		var devTools = page.context().newCDPSession(page);
		devTools.send("Network.setCacheDisabled", cacheDisabled());
		if (!offline) {
			var bypass = new JsonObject();
			bypass.addProperty("bypass", true);
			devTools.send("Network.setBypassServiceWorker", bypass);
		}
		page.onRequest(request -> gates.requested.add(request.url()));
		page.onRequestFinished(gates.finished::add);
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type())) {
				gates.consoleErrors.add(message.text());
			}
		});
		page.onPageError(gates.consoleErrors::add);
		return gates;
	}

	/**
	 * Judges the page as it is now and everything since the last check; fails with every finding at once.
	 * {@code expectedConsoleErrors} are messages the journey causes on purpose (the browser logs a 404 page's
	 * status as an error, for one); they must appear, exactly, and are then not held against the page.
	 */
	Report check(String name, String... expectedConsoleErrors) {
		Report measured = measure(name);
		var unexpected = new ArrayList<>(measured.consoleErrors());
		for (String expected : expectedConsoleErrors) {
			if (!unexpected.remove(expected)) {
				throw new AssertionError("Expected the console error \"" + expected + "\" on " + name + ", got "
						+ measured.consoleErrors());
			}
		}
		Report report = new Report(name, measured.offOrigin(), measured.bytes(), measured.scriptBytes(),
				List.copyOf(unexpected), measured.accessibilityViolations(), measured.html());
		if (!report.passes()) {
			throw new AssertionError("Quality gates failed on " + name + " (" + page.url() + "):\n" + report);
		}
		return report;
	}

	/** The findings without judging them (the gates' own tests look at these). */
	Report measure(String name) {
		page.waitForLoadState();
		// Snapshots: asking Playwright for sizes lets further events arrive, which belong to the next check.
		List<String> requestedNow = List.copyOf(requested);
		List<Request> finishedNow = List.copyOf(finished);
		List<String> errorsNow = List.copyOf(consoleErrors);
		List<String> offOrigin = requestedNow.stream().filter(url -> !sameOrigin(url)).distinct().toList();
		long bytes = 0;
		long scriptBytes = 0;
		for (Request request : finishedNow) {
			var sizes = request.sizes();
			long transferred = Math.max(0, sizes.responseBodySize) + Math.max(0, sizes.responseHeadersSize);
			bytes += transferred;
			if ("script".equals(request.resourceType())) {
				scriptBytes += transferred;
			}
		}
		page.evaluate(AXE_SOURCE);
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) page.evaluate(AXE_RUN);
		Path html = saveHtml(name);
		requested.subList(0, requestedNow.size()).clear();
		finished.subList(0, finishedNow.size()).clear();
		consoleErrors.subList(0, errorsNow.size()).clear();
		return new Report(name, offOrigin, bytes, scriptBytes, errorsNow, violations, html);
	}

	private boolean sameOrigin(String url) {
		return url.startsWith(origin + "/") || url.equals(origin) || url.startsWith("data:");
	}

	/** The page's HTML as the server sends it (not the DOM after scripts ran), fetched again with its cookies. */
	private Path saveHtml(String name) {
		try {
			Files.createDirectories(SAVED_HTML);
			Path file = SAVED_HTML.resolve(name + ".html");
			if (offline || !URI.create(page.url()).getScheme().startsWith("http") || !sameOrigin(page.url())) {
				Files.writeString(file, page.content());
				return file;
			}
			var response = page.context().request().get(page.url(),
					RequestOptions.create().setHeader("Accept", "text/html,application/xhtml+xml"));
			Files.write(file, response.body());
			return file;
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	private static JsonObject cacheDisabled() {
		var parameters = new JsonObject();
		parameters.addProperty("cacheDisabled", true);
		return parameters;
	}

	private static String resource(String path) {
		try (InputStream in = PageGates.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing from the test class path: " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	/** What the gates found on one page. */
	record Report(String name, List<String> offOrigin, long bytes, long scriptBytes, List<String> consoleErrors,
			List<String> accessibilityViolations, Path html) {

		boolean passes() {
			return offOrigin.isEmpty() && bytes <= MAX_PAGE_BYTES && scriptBytes <= MAX_SCRIPT_BYTES
					&& consoleErrors.isEmpty() && accessibilityViolations.isEmpty();
		}

		Map<String, Object> findings() {
			return Map.of("requests to other origins", offOrigin, "bytes (max " + MAX_PAGE_BYTES + ")", bytes,
					"script bytes (max " + MAX_SCRIPT_BYTES + ")", scriptBytes, "console errors", consoleErrors,
					"axe violations", accessibilityViolations);
		}

		@Override
		public String toString() {
			var out = new StringBuilder();
			findings().forEach((what, value) -> out.append("  ").append(what).append(": ").append(value).append('\n'));
			return out.toString();
		}

	}

}
