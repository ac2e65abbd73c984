package org.carrywell.newsletter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The embedded default (no SMTP server, no editor password): the form is on the pages it belongs on, mail lands
 * in the outbox folder as .eml files with the unsubscribe headers, and the editor pages do not exist.
 */
@SpringBootTest(properties = "carrywell.mail.outbox=target/outbox-pages-test")
@AutoConfigureMockMvc
class NewsletterPagesTests {

	static final Path OUTBOX = Path.of("target/outbox-pages-test");

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/learn", "/newsletter" })
	void theSignUpFormWithItsConsentTextIsOn(String page) throws Exception {
		mvc.perform(get(page))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/newsletter\"")))
			.andExpect(content().string(containsString("name=\"consentVersion\" value=\"v1\"")))
			.andExpect(content().string(containsString("By signing up you agree")));
	}

	@Test
	void withoutAMailServerTheConfirmationIsWrittenToTheOutbox() throws Exception {
		mvc.perform(post("/newsletter").param("email", "outbox@example.org").param("topics", "GEAR_REVIEWS")
			.param("consentVersion", "v1").with(csrf())).andExpect(status().isFound());

		String eml = waitForMailTo("outbox@example.org");
		assertThat(eml).contains("Subject: Please confirm your Carrywell sign-up")
			.contains("List-Unsubscribe: <http://localhost:8080/newsletter/unsubscribe/one-click?t=")
			.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
			.contains("multipart/alternative")
			.contains("/newsletter/confirm?token=");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/login", "/admin/newsletter", "/admin/newsletter/subscribers.csv" })
	void withoutAnEditorPasswordTheEditorPagesDoNotExist(String page) throws Exception {
		mvc.perform(get(page)).andExpect(status().isNotFound());
	}

	private static String waitForMailTo(String address) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.isDirectory(OUTBOX)) {
				try (Stream<Path> files = Files.list(OUTBOX)) {
					for (Path file : files.filter(path -> path.toString().endsWith(".eml")).toList()) {
						String eml = Files.readString(file);
						if (eml.contains("To: " + address)) {
							return eml;
						}
					}
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No .eml file for " + address + " in " + OUTBOX);
	}

}
