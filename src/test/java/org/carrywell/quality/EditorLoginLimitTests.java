package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The editor's login limit over a real port, where the servlet container decodes the path: a login posted to an
 * encoded path ({@code /admin/%6cogin}) reaches the login filter, so it must be counted like any other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "carrywell.newsletter.editor.password=" + EditorLoginLimitTests.PASSWORD,
				"carrywell.newsletter.editor.login-attempts=2" })
class EditorLoginLimitTests {

	static final String PASSWORD = "the editor login limit test password";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void aLoginPostedToAnEncodedPathIsCountedLikeAnyOther() throws Exception {
		assertThat(attempt("/admin/login", "guess one")).isEqualTo(302);
		assertThat(attempt("/admin/%6cogin", "guess two")).isEqualTo(302);
		assertThat(attempt("/admin/%6cogin", "guess three")).isEqualTo(429);
		assertThat(attempt("/admin/login", PASSWORD)).isEqualTo(429);
	}

	private int attempt(String path, String password) throws Exception {
		String page = client.send(HttpRequest.newBuilder(uri("/admin/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var token = CSRF.matcher(page);
		assertThat(token.find()).as("the login form has a CSRF token").isTrue();
		String form = "username=editor&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		return client.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
