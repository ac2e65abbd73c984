package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every route (read from the handler mappings), plus static files and error pages, answers with the security
 * headers: a CSP without unsafe-inline or unsafe-eval and with frame-ancestors 'none', nosniff, a referrer
 * policy and a permissions policy.
 */
@SpringBootTest(properties = "carrywell.newsletter.editor.password=" + RouteSamples.EDITOR_PASSWORD)
@AutoConfigureMockMvc
class SecurityHeadersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;


	@Test
	void everyRouteSendsTheSecurityHeaders() throws Exception {
		var samples = new RouteSamples(context);
		List<Route> routes = samples.routes();
		assertThat(routes).as("routes found in the handler mappings").hasSizeGreaterThan(40);
		var failures = new ArrayList<String>();
		for (Route route : routes) {
			var response = mvc.perform(samples.request(route, samples.url(route))).andReturn().getResponse();
			failures.addAll(problems(route.toString(), response));
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void staticFilesErrorPagesAndRefusedRequestsSendThemToo() throws Exception {
		var failures = new ArrayList<String>();
		for (String url : new String[] { "/css/carrywell.css", "/js/player/player.js", "/img/logo.svg",
				"/webjars/htmx.org/dist/htmx.min.js", "/no-such-page", "/api/v1/no-such-thing", "/exercises/no-such-id" }) {
			failures.addAll(problems("GET " + url, mvc.perform(get(url)).andReturn().getResponse()));
		}
		failures.addAll(problems("POST /newsletter without CSRF token", mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/newsletter"))
			.andReturn()
			.getResponse()));
		assertThat(failures).isEmpty();
	}

	static List<String> problems(String what, MockHttpServletResponse response) {
		var problems = new ArrayList<String>();
		String csp = response.getHeader("Content-Security-Policy");
		if (csp == null) {
			problems.add(what + ": no Content-Security-Policy");
		}
		else {
			if (csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
				problems.add(what + ": CSP allows unsafe-inline or unsafe-eval: " + csp);
			}
			if (!csp.contains("frame-ancestors 'none'")) {
				problems.add(what + ": CSP without frame-ancestors 'none'");
			}
			if (!csp.contains("default-src 'self'")) {
				problems.add(what + ": CSP without default-src 'self'");
			}
		}
		expect(problems, what, response, "X-Content-Type-Options", "nosniff");
		// A secret address (a shared link, a calendar) must not travel on as a referrer at all.
		boolean secretAddress = what.contains(" /shared/") || what.contains(" /calendar/");
		expect(problems, what, response, "Referrer-Policy", secretAddress ? "no-referrer" : "strict-origin-when-cross-origin");
		expect(problems, what, response, "X-Frame-Options", "DENY");
		if (response.getHeader("Permissions-Policy") == null || !response.getHeader("Permissions-Policy").contains("camera=()")) {
			problems.add(what + ": no Permissions-Policy switching off camera and the like");
		}
		return problems;
	}

	private static void expect(List<String> problems, String what, MockHttpServletResponse response, String header,
			String value) {
		if (!value.equals(response.getHeader(header))) {
			problems.add(what + ": " + header + " is " + response.getHeader(header) + ", not " + value);
		}
	}

}
