package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole application over real HTTP (Tomcat, compression, the security filter chain, error pages),
 * as a browser or an API client meets it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/exercises", "/exercises/pelvic-tilt-wall", "/api/v1/exercises", "/no-such-page",
			"/api/v1/exercises/nope", "/css/carrywell.css", "/v3/api-docs" })
	void everyResponseCarriesTheSecurityHeaders(String path) throws Exception {
		var response = get(path, "text/html");
		var headers = response.headers();

		String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
			.doesNotContain("unsafe-inline", "unsafe-eval", "*");
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(headers.firstValue("Permissions-Policy").orElseThrow()).contains("camera=()", "geolocation=()");
	}

	@Test
	void pagesAreCompressedAndUseOnlyOurOwnOrigin() throws Exception {
		var response = http.send(HttpRequest.newBuilder(uri("/exercises")).header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");

		String html = get("/exercises", "text/html").body();
		var externalReference = Pattern.compile("(src|href|action)=\"(https?:)?//", Pattern.CASE_INSENSITIVE);
		assertThat(externalReference.matcher(html).find()).as("a link or resource on another origin").isFalse();
		assertThat(html).doesNotContain("<script>", " style=\"", "onclick=");
	}

	@Test
	void staticFilesHaveContentHashedUrlsAndALongCache() throws Exception {
		String html = get("/exercises", "text/html").body();
		var stylesheet = Pattern.compile("href=\"(/css/carrywell-[0-9a-f]{32}\\.css)\"").matcher(html);
		assertThat(stylesheet.find()).as("content-hashed stylesheet link in %s", html).isTrue();
		var script = Pattern.compile("src=\"(/webjars/htmx\\.org/[^\"]+htmx\\.min[^\"]*\\.js)\"").matcher(html);
		assertThat(script.find()).as("htmx served from our own origin").isTrue();

		var css = http.send(HttpRequest.newBuilder(uri(stylesheet.group(1))).header("Accept-Encoding", "gzip").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000", "public");
		assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");

		var htmx = get(script.group(1), "*/*");
		assertThat(htmx.statusCode()).isEqualTo(200);
		assertThat(htmx.body()).contains("htmx");
	}

	/** A module's own imports name the plain file: it is checked again on every use, never kept for a year. */
	@Test
	void aStaticFileWithoutItsHashIsCheckedAgainEachTime() throws Exception {
		var module = get("/js/player/history.js", "*/*");
		assertThat(module.statusCode()).isEqualTo(200);
		assertThat(module.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(module.headers().firstValue("ETag").or(() -> module.headers().firstValue("Last-Modified")))
			.as("so that checking again costs a 304").isPresent();
	}

	@Test
	void anUnknownPageIsOurOwnNotFoundPage() throws Exception {
		var response = get("/no-such-page", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("We can’t find that page", "href=\"/exercises\"")
			.doesNotContain("Whitelabel");
	}

	@Test
	void anUnknownExerciseIsOurOwnNotFoundPage() throws Exception {
		var response = get("/exercises/no-such-exercise", "text/html");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("We can’t find that page");
	}

	@Test
	void anUnknownApiAddressIsAProblemDetail() throws Exception {
		var response = get("/api/v1/nothing", "application/json");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":404", "\"instance\":\"/api/v1/nothing\"");
	}

	@Test
	void aWrongMethodIsAProblemDetailForTheApi() throws Exception {
		var response = http.send(HttpRequest.newBuilder(uri("/api/v1/exercises"))
			.header("Accept", "application/json")
			.method("DELETE", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isIn(403, 405);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	@Test
	void theHomePageLeadsIntoTheLibrary() throws Exception {
		String html = get("/", "text/html").body();
		assertThat(html).contains("href=\"/exercises?area=LOWER_BACK\"", "href=\"/exercises?trimester=3\"",
				"general guidance, not medical advice");
	}

	@Test
	void theProbesAreUpOnTheAppsOwnPort() throws Exception {
		assertThat(get("/livez", "application/json").body()).contains("\"status\":\"UP\"");
		assertThat(get("/readyz", "application/json").body()).contains("\"status\":\"UP\"");
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}


}
