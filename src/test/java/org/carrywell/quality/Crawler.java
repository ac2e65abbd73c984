package org.carrywell.quality;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * A visitor's browser, as plain as it gets: no cookies kept, redirects followed, every same-origin link from the
 * home page visited once, breadth first. What the tests of what a visitor really receives share.
 */
final class Crawler {

	private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");

	/** At most this many pages: far more than the site has, so a crawl that runs away still stops. */
	private static final int MAX_PAGES = 400;

	private static final Set<String> SKIPPED = Set.of("/admin", "/css/", "/js/", "/img/", "/webjars/", "/v3/", "/api/");

	private final String base;

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	Crawler(String base) {
		this.base = base;
	}

	/** Same-origin pages reachable by links from the home page. */
	List<String> pages() throws Exception {
		var seen = new LinkedHashSet<String>();
		var queue = new ArrayDeque<String>();
		queue.add("/");
		seen.add("/");
		var pages = new ArrayList<String>();
		while (!queue.isEmpty() && pages.size() < MAX_PAGES) {
			String page = queue.poll();
			HttpResponse<String> response = get(page, null);
			pages.add(page);
			if (!isHtml(response)) {
				continue;
			}
			var links = LINK.matcher(response.body());
			while (links.find()) {
				String link = HtmlUtils.htmlUnescape(links.group(1));
				if (followable(link) && seen.add(link)) {
					queue.add(link);
				}
			}
		}
		return pages;
	}

	/** One page, with no cookie or with the one given. */
	HttpResponse<String> get(String path, String cookie) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** What is wrong with a page as a visitor receives it, or null. */
	static String problem(String page, HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			return page + " answered " + response.statusCode();
		}
		if (isHtml(response) && !response.body().stripTrailing().endsWith("</html>")) {
			return page + " arrived cut off";
		}
		if (response.headers().allValues("Set-Cookie").stream().anyMatch(value -> value.startsWith("JSESSIONID"))) {
			return page + " gave the visitor a server session";
		}
		return null;
	}

	static boolean isHtml(HttpResponse<String> response) {
		return response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
	}

	/** Pages a visitor browses: not the editor's, not the files and feeds a page links to for downloading. */
	private static boolean followable(String link) {
		return SKIPPED.stream().noneMatch(link::startsWith) && !link.contains(".ics") && !link.startsWith("//");
	}

}
