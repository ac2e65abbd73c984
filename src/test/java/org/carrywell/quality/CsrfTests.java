package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** Every form route (from the handler mappings) refuses a POST without its CSRF token, and stores nothing. */
@SpringBootTest(properties = "carrywell.newsletter.editor.password=" + RouteSamples.EDITOR_PASSWORD)
@AutoConfigureMockMvc
class CsrfTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void everyFormRefusesAPostWithoutItsToken() throws Exception {
		var samples = new RouteSamples(context);
		int forms = 0;
		for (Route route : samples.routes()) {
			if (!route.takesCsrfToken()) {
				continue;
			}
			forms++;
			var before = samples.rowCounts();
			var builder = samples.requestWithoutCsrf(route)
				.param("email", "csrf@example.org")
				.param("topics", "WORKOUT_IDEAS")
				.param("consentVersion", "v1")
				.param("subject", "Forged")
				.param("body", "Forged");
			assertThat(mvc.perform(builder).andReturn().getResponse().getStatus()).as("%s without a CSRF token", route)
				.isEqualTo(403);
			assertThat(samples.rowCounts()).as("rows after %s without a CSRF token", route).isEqualTo(before);
		}
		assertThat(forms).as("form routes found").isGreaterThanOrEqualTo(8);
	}

}
