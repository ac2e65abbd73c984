package org.carrywell.quality;

import java.util.UUID;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

import org.carrywell.accounts.internal.Accounts;
import org.carrywell.accounts.internal.Member;
import org.carrywell.accounts.internal.MemberStore;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.learn.Articles;
import org.carrywell.newsletter.Topic;
import org.carrywell.newsletter.internal.IssueStore;

/**
 * What the route tests share: every route from the handler mappings, a real value for each path variable, and
 * requests made the way a real client of that route would (CSRF token on forms, the editor on /admin).
 */
final class RouteSamples {

	static final String EDITOR_PASSWORD = "route tests editor password";

	/** A verified member the member-only routes are called as (made once per application context). */
	static final String MEMBER_EMAIL = "route-tests@example.org";

	static final String MEMBER_PASSWORD = "route tests member password";

	private final ApplicationContext context;

	private final JdbcClient jdbc;

	private final long draftIssueId;

	RouteSamples(ApplicationContext context) {
		this.context = context;
		this.jdbc = context.getBean(JdbcClient.class);
		this.draftIssueId = context.getBean(IssueStore.class)
			.insertDraft("Route test", EnumSet.of(Topic.GEAR_REVIEWS), "Text", Instant.now());
		var members = context.getBean(MemberStore.class);
		if (members.byEmail(MEMBER_EMAIL).isEmpty()) {
			members.insert(new Member(UUID.randomUUID(), MEMBER_EMAIL,
					context.getBean(Accounts.class).passwords().hash(MEMBER_PASSWORD), Instant.now(), Instant.now(),
					Instant.now()));
		}
	}

	List<Route> routes() {
		return Route.all(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
	}

	/** The route's URL with a real value in each path variable; fails for a variable nobody taught this test. */
	String url(Route route) {
		String url = route.pattern();
		for (String variable : route.pathVariables()) {
			url = url.replace("{" + variable + "}", sample(route, variable));
		}
		return url;
	}

	String sample(Route route, String variable) {
		String pattern = route.pattern();
		if (pattern.startsWith("/exercises/{id}") || pattern.startsWith("/api/v1/exercises/{id}")) {
			return context.getBean(Catalogue.class).exercises().get(0).id().value();
		}
		if (pattern.startsWith("/learn/{slug}")) {
			return context.getBean(Articles.class).all().get(0).slug();
		}
		if (pattern.startsWith("/admin/newsletter/issues/{id}")) {
			return String.valueOf(draftIssueId);
		}
		if (pattern.startsWith("/v3/api-docs/{group}")) {
			return "default";
		}
		if (pattern.startsWith("/account/verify/{token}") || pattern.startsWith("/account/reset/{token}")) {
			return "no-such-link-token";
		}
		if (pattern.startsWith("/account/passkeys/{id}")) {
			return "no-such-passkey";
		}
		if (pattern.startsWith("/api/v1/me/diary/{day}") || pattern.startsWith("/api/v1/me/activity/{day}")) {
			return java.time.LocalDate.now().toString();
		}
		if (pattern.startsWith("/shared/{token}") || pattern.startsWith("/calendar/{token}")) {
			return "no-such-share-token";
		}
		if (pattern.startsWith("/sharing/advice/{id}")) {
			return "0";
		}
		if (pattern.startsWith("/sharing/{id}")) {
			return "00000000-0000-0000-0000-000000000000";
		}
		throw new AssertionError("No sample value for {" + variable + "} in " + route
				+ ": teach RouteSamples.sample() a real value for it");
	}

	/** A request as the route's real client would send it. */
	MockHttpServletRequestBuilder request(Route route, String url) {
		MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(route.method(), url);
		if (route.takesCsrfToken()) {
			builder.with(csrf());
		}
		if (route.isAdmin()) {
			builder.with(user("editor").roles("NEWSLETTER_EDITOR"));
		}
		if (route.isMemberOnly()) {
			builder.with(user(MEMBER_EMAIL).authorities(new SimpleGrantedAuthority("ROLE_MEMBER")));
		}
		return builder;
	}

	/** The same, without the CSRF token a form needs. */
	MockHttpServletRequestBuilder requestWithoutCsrf(Route route) {
		MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(route.method(), url(route));
		if (route.isAdmin()) {
			builder.with(user("editor").roles("NEWSLETTER_EDITOR"));
		}
		if (route.isMemberOnly()) {
			builder.with(user(MEMBER_EMAIL).authorities(new SimpleGrantedAuthority("ROLE_MEMBER")));
		}
		return builder;
	}


	/**
	 * Rows in every application table, to prove a rejected request stored nothing. A signed-in member's HTTP session
	 * is not data a request stores (it is kept while she is signed in, and refreshed as she uses it), so the
	 * session tables are left out; RealServerTests proves that visitors get none. The rate limits' counts are left
	 * out too: a refused request is still an attempt, and counting it is the point (RateLimiterTests).
	 */
	Map<String, Long> rowCounts() {
		var counts = new LinkedHashMap<String, Long>();
		for (String table : jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE LOWER(table_schema) = 'public' AND LOWER(table_name) <> 'flyway_schema_history'
				AND LOWER(table_name) NOT LIKE 'spring_session%' AND LOWER(table_name) <> 'rate_limit_count'
				ORDER BY table_name""").query(String.class).list()) {
			counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
		}
		return counts;
	}

}
