package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every text is in English, so a page says it is English whatever language the browser prefers: a screen reader
 * reading English text with a German voice is unusable (WCAG 3.1.1).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PageLanguageTests {

	@LocalServerPort
	int port;

	@Test
	void aPageIsEnglishForABrowserThatPrefersAnotherLanguage() throws Exception {
		for (String path : new String[] { "/", "/exercises", "/learn", "/warning-signs?weeks=30" }) {
			HttpResponse<String> page = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.header("Accept-Language", "de-DE,de;q=0.9")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).contains("<html lang=\"en\"");
			assertThat(page.headers().firstValue("Content-Language")).as(path).contains("en");
		}
	}

}
