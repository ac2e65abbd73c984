package org.carrywell.newsletter.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.carrywell.EmbeddedPostgresql;

/**
 * The per-client limits on sign-ups and editor logins, with small limits so they are reached quickly; run on
 * H2 and on PostgreSQL (the nested classes), since a sign-up that gets through writes to the database.
 */
class NewsletterLimitsTests {

	@Nested
	@SpringBootTest(properties = { "carrywell.newsletter.signup-limits.per-client=3",
			"carrywell.newsletter.editor.password=a long enough editor password",
			"carrywell.newsletter.editor.login-attempts=2" })
	@AutoConfigureMockMvc
	class OnH2 extends Limits {

	}

	@Nested
	@SpringBootTest(properties = { "carrywell.newsletter.signup-limits.per-client=3",
			"carrywell.newsletter.editor.password=a long enough editor password",
			"carrywell.newsletter.editor.login-attempts=2" })
	@ActiveProfiles("postgres")
	@AutoConfigureMockMvc
	class OnPostgresql extends Limits {

		@DynamicPropertySource
		static void postgres(DynamicPropertyRegistry registry) {
			EmbeddedPostgresql.register(registry);
		}

	}

	/** The checks themselves, the same on each database. */
	abstract static class Limits {

		@Autowired
		MockMvc mvc;

		@Test
		void aClientOverItsSignUpLimitIsAskedToWaitWhileOthersCarryOn() throws Exception {
			for (int i = 0; i < 3; i++) {
				mvc.perform(signUp("reader" + i + "@example.org").with(from("192.0.2.1"))).andExpect(status().isFound());
			}
			mvc.perform(signUp("reader9@example.org").with(from("192.0.2.1")))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After"))
				.andExpect(content().string(containsString("too many sign-ups from your connection")));
			// Another address of the same network is the same client; another network carries on.
			mvc.perform(signUp("reader9@example.org").with(from("192.0.2.200"))).andExpect(status().isTooManyRequests());
			mvc.perform(signUp("reader9@example.org").with(from("203.0.113.9"))).andExpect(status().isFound());
		}

		@Test
		void anIpv6ClientIsCountedByItsSlash64() throws Exception {
			for (int i = 0; i < 3; i++) {
				mvc.perform(signUp("six" + i + "@example.org").with(from("2001:db8:1:2::" + (i + 1))))
					.andExpect(status().isFound());
			}
			mvc.perform(signUp("six9@example.org").with(from("2001:db8:1:2:ffff::9"))).andExpect(status().isTooManyRequests());
			mvc.perform(signUp("six9@example.org").with(from("2001:db8:1:3::1"))).andExpect(status().isFound());
		}

		@Test
		void anXForwardedForHeaderAloneChangesNoClient() throws Exception {
			for (int i = 0; i < 3; i++) {
				mvc.perform(signUp("fwd" + i + "@example.org").with(from("198.18.0.1"))).andExpect(status().isFound());
			}
			mvc.perform(signUp("fwd9@example.org").with(from("198.18.0.1")).header("X-Forwarded-For", "203.0.113.77"))
				.andExpect(status().isTooManyRequests());
		}

		@Test
		void loginAttemptsOverTheLimitAreRefusedBeforeThePasswordIsChecked() throws Exception {
			for (int i = 0; i < 2; i++) {
				mvc.perform(login("guess" + i).with(from("198.51.100.7")))
					.andExpect(status().isFound());
			}
			mvc.perform(login("a long enough editor password").with(from("198.51.100.7")))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After"));
			mvc.perform(login("a long enough editor password").with(from("198.51.200.8"))).andExpect(status().isFound());
		}

		private static MockHttpServletRequestBuilder signUp(String email) {
			return post("/newsletter").param("email", email).param("topics", "WORKOUT_IDEAS").param("consentVersion", "v1")
				.with(csrf());
		}

		private static MockHttpServletRequestBuilder login(String password) {
			return post("/admin/login").param("username", "editor").param("password", password).with(csrf());
		}

		private static RequestPostProcessor from(String address) {
			return request -> {
				request.setRemoteAddr(address);
				return request;
			};
		}

	}

}
