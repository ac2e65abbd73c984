package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * What visitors receive over a real port from pages that are the same for everyone (issue 20): a kept copy, whole
 * and with every security header, confirmed with a 304; her own CSRF token in a kept page with a form; and nothing
 * kept of a personal page or of a member's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublicPageCacheTests {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	@Test
	void aKeptPageIsTheSameWholePageWithItsHeadersAndIsConfirmedWithA304() throws Exception {
		var first = get("/exercises");
		var second = get("/exercises");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(text(second)).contains("</html>");
		String etag = second.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("ETag")).contains(etag);
		for (var kept : java.util.List.of(first, second)) {
			assertThat(kept.headers().allValues("Cache-Control")).containsExactly("no-cache");
			assertThat(kept.headers().allValues("Set-Cookie")).isEmpty();
			assertThat(kept.headers().allValues("Content-Security-Policy"))
				.containsExactly(SecurityConfiguration.CONTENT_SECURITY_POLICY);
			assertThat(kept.headers().allValues("X-Frame-Options")).containsExactly("DENY");
			assertThat(kept.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		}

		var confirmed = get("/exercises", "If-None-Match", "W/\"older\", " + etag);
		assertThat(confirmed.statusCode()).isEqualTo(304);
		assertThat(confirmed.body()).isEmpty();
		assertThat(confirmed.headers().firstValue("ETag")).contains(etag);

		var compressed = get("/exercises", "Accept-Encoding", "gzip");
		assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(gunzip(compressed.body())).isEqualTo(first.body());
		assertThat(String.join(",", compressed.headers().allValues("Vary"))).containsIgnoringCase("Accept-Encoding");
	}

	@Test
	void eachAddressAndEachPartialIsKeptApart() throws Exception {
		var all = text(get("/exercises"));
		var filtered = text(get("/exercises?position=STANDING"));
		var partial = text(get("/exercises?position=STANDING", "HX-Request", "true"));

		assertThat(filtered).isNotEqualTo(all);
		assertThat(partial).doesNotContain("<html").contains("id=\"results\"");
		assertThat(text(get("/exercises?position=STANDING"))).isEqualTo(filtered).contains("<html");
	}

	@Test
	void aKeptPageWithAFormGivesEachVisitorHerOwnWorkingToken() throws Exception {
		get("/");
		var first = get("/");
		var second = get("/");

		String firstToken = token(first);
		assertThat(token(second)).isNotEqualTo(firstToken);
		assertThat(first.headers().allValues("Cache-Control")).containsExactly("private, no-cache");
		String cookie = csrfCookie(first);
		assertThat(cookie).isNotEqualTo(csrfCookie(second));

		// Her copy is confirmed while she holds the token it was made with, never without it.
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(get("/", "Cookie", cookie, "If-None-Match", etag).statusCode()).isEqualTo(304);
		assertThat(get("/", "If-None-Match", etag).statusCode()).isEqualTo(200);
		assertThat(get("/", "Cookie", csrfCookie(second), "If-None-Match", etag).statusCode()).isEqualTo(200);

		// Coming back with her cookie, the page carries a token for it and sets no new cookie.
		var again = get("/", "Cookie", cookie);
		assertThat(again.headers().allValues("Set-Cookie")).isEmpty();

		// The token in the kept page works: the form is taken (not refused as a forgery), and a made-up one is not.
		assertThat(signUp(cookie, token(again)).statusCode()).isNotEqualTo(403);
		assertThat(signUp(cookie, "made-up").statusCode()).isEqualTo(403);
	}

	@Test
	void personalPagesAndMembersPagesAreNeverKept() throws Exception {
		var answers = get("/check?weeks=20&HEART_DISEASE=no");
		var plan = get("/plan/week?weeks=24&asOf=2026-06-01&pain.LOWER_BACK=6&minutes=15&sessions=3");
		var member = get("/exercises", "Cookie", "SESSION=hers");
		for (var personal : java.util.List.of(answers, member)) {
			assertThat(personal.headers().firstValue("ETag")).isEmpty();
			assertThat(personal.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
		}
		assertThat(plan.headers().firstValue("ETag")).isEmpty();
		assertThat(get("/check").headers().firstValue("ETag")).isPresent();
		assertThat(get("/warning-signs?weeks=30").headers().firstValue("ETag")).isEmpty();
	}

	/** Compressed here once, and so not again by the connector; whole, and only for a browser that takes gzip. */
	@Test
	void aPageMadeForHerIsCompressedOnceWhenHerBrowserTakesGzip() throws Exception {
		String plan = "/plan/week?weeks=24&asOf=" + java.time.LocalDate.now() + "&pain.LOWER_BACK=6&pain.HIPS=3&minutes=15"
				+ "&sessions=4&activity=ACTIVE&equipment=CHAIR&equipment=MAT&floor=yes&HEART_DISEASE=no&ANAEMIA=no"
				+ "&OTHER_CONCERN=no";
		for (String personal : java.util.List.of("/check?weeks=20&HEART_DISEASE=no", plan)) {
			var plain = get(personal);
			var compressed = get(personal, "Accept-Encoding", "gzip");

			assertThat(plain.statusCode()).as(personal).isEqualTo(200);
			assertThat(plain.headers().firstValue("Content-Encoding")).as(personal).isEmpty();
			assertThat(compressed.statusCode()).as(personal).isEqualTo(200);
			assertThat(compressed.headers().allValues("Content-Encoding")).as(personal).containsExactly("gzip");
			assertThat(String.join(",", compressed.headers().allValues("Vary"))).as(personal).containsIgnoringCase("Accept-Encoding");
			assertThat(compressed.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
			assertThat(compressed.headers().firstValueAsLong("Content-Length")).as(personal).hasValue(compressed.body().length);
			String page = new String(gunzip(compressed.body()), StandardCharsets.UTF_8);
			assertThat(page).as(personal).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
			assertThat(page.length()).as(personal).isEqualTo(text(plain).length());
		}
	}

	@Test
	void aParameterThePageDoesNotTakeIsNeverKeptAndHtmxHeadersCountOnlyWhenTrue() throws Exception {
		for (String madeUp : java.util.List.of("/learn?made-up=1", "/exercises?made-up=1", "/?utm_source=x",
				"/exercises/illustrations?made-up=1")) {
			var answer = get(madeUp);
			assertThat(answer.statusCode()).as(madeUp).isEqualTo(200);
			assertThat(answer.headers().firstValue("ETag")).as(madeUp).isEmpty();
		}
		assertThat(get("/exercises/illustrations?trimester=2").headers().firstValue("ETag")).isPresent();

		var full = get("/exercises");
		var withJunkHeader = get("/exercises", "HX-Request", "x".repeat(2_000));
		assertThat(withJunkHeader.headers().firstValue("ETag")).isEqualTo(full.headers().firstValue("ETag"));
		assertThat(withJunkHeader.body()).isEqualTo(full.body());
	}

	@Test
	void aMissingPageIsNotKept() throws Exception {
		var missing = get("/exercises/no-such-exercise");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("ETag")).isEmpty();
	}

	@Test
	void gzipIsAcceptedUnlessRefused() {
		assertThat(PublicPageCache.acceptsGzip(withHeader("Accept-Encoding", "gzip, deflate, br"))).isTrue();
		assertThat(PublicPageCache.acceptsGzip(withHeader("Accept-Encoding", "br;q=1.0, gzip;q=0.5"))).isTrue();
		assertThat(PublicPageCache.acceptsGzip(withHeader("Accept-Encoding", "gzip;q=0"))).isFalse();
		assertThat(PublicPageCache.acceptsGzip(withHeader("Accept-Encoding", "identity"))).isFalse();
		assertThat(PublicPageCache.acceptsGzip(new MockHttpServletRequest())).isFalse();
	}

	private static MockHttpServletRequest withHeader(String name, String value) {
		var request = new MockHttpServletRequest();
		request.addHeader(name, value);
		return request;
	}

	private HttpResponse<byte[]> signUp(String cookie, String token) throws Exception {
		String form = "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
				+ "&email=reader%40example.org&topics=EXERCISE&consentVersion=v1";
		return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/newsletter"))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String token(HttpResponse<byte[]> response) {
		Matcher field = CSRF_FIELD.matcher(text(response));
		assertThat(field.find()).as("the page holds a form with a CSRF token").isTrue();
		return field.group(1);
	}

	private static String csrfCookie(HttpResponse<byte[]> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith(SecurityConfiguration.CSRF_COOKIE + "="))
			.map(cookie -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
	}

	private static byte[] gunzip(byte[] compressed) throws IOException {
		try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
			return in.readAllBytes();
		}
	}

}
