package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cookies a real server sets (the session that holds the CSRF token): always HttpOnly and SameSite, and
 * Secure when the site is served over TLS ({@code CARRYWELL_SECURE_COOKIES=true}).
 */
class CookieTests {

	static List<String> cookiesFromAFormPage(int port) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/newsletter")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.headers().allValues("Set-Cookie");
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	class ByDefault {

		@LocalServerPort
		int port;

		@Test
		void areHttpOnlyAndSameSite() throws Exception {
			assertThat(cookiesFromAFormPage(port)).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
				.contains("HttpOnly")
				.containsIgnoringCase("SameSite=Lax")
				.doesNotContain("Secure"));
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "CARRYWELL_SECURE_COOKIES=true")
	class BehindTls {

		@LocalServerPort
		int port;

		@Test
		void areAlsoSecure() throws Exception {
			assertThat(cookiesFromAFormPage(port)).isNotEmpty().allSatisfy(cookie -> assertThat(cookie)
				.contains("HttpOnly")
				.containsIgnoringCase("SameSite=Lax")
				.contains("Secure"));
		}

	}

}
