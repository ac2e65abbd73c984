package org.carrywell.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import org.carrywell.MutableClock;

/**
 * The guards of {@link PublicPageCache} that a visitor's request over a real port cannot reach
 * ({@link PublicPageCacheTests} covers those that it can): the day in the key, a page that names a member, and a
 * page that holds the raw CSRF token. Each would hand one person's page to another if it failed. And a kept answer
 * carries every value of every header its page was made with.
 */
class PublicPageCacheGuardTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));

	private final PublicPageCache cache = new PublicPageCache(clock, new FixedLocaleResolver(Locale.ENGLISH), 1, false);

	private final AtomicInteger made = new AtomicInteger();

	/** A page marked shareable, made by {@code page}, with the number of times it has been made in it. */
	private FilterChain shareable(BiConsumer<HttpServletRequest, HttpServletResponse> page) {
		return (request, response) -> {
			var http = (HttpServletRequest) request;
			PublicPages.markShareable(http);
			response.setContentType("text/html;charset=UTF-8");
			page.accept(http, (HttpServletResponse) response);
			response.getWriter().write("<p>made " + made.incrementAndGet() + "</p>");
		};
	}

	private MockHttpServletResponse visit(FilterChain chain, Cookie... cookies) throws Exception {
		var request = new MockHttpServletRequest("GET", "/learn");
		if (cookies.length > 0) {
			request.setCookies(cookies);
		}
		var response = new MockHttpServletResponse();
		cache.doFilter(request, response, chain);
		return response;
	}

	@Test
	void aPageKeptOneDayIsMadeAgainTheNext() throws Exception {
		FilterChain chain = shareable((request, response) -> { });
		assertThat(visit(chain).getContentAsString()).contains("made 1");
		assertThat(visit(chain).getContentAsString()).as("kept the same day").contains("made 1");

		clock.advance(Duration.ofDays(1));
		assertThat(visit(chain).getContentAsString()).as("made again the next day").contains("made 2");
	}

	@Test
	void aPageThatNamesAMemberIsNeverKept() throws Exception {
		FilterChain chain = shareable((request, response) -> response.setHeader(OfflineCopies.MEMBER_HEADER, "device-key"));
		visit(chain);
		assertThat(visit(chain).getContentAsString()).contains("made 2");
	}

	@Test
	void aPageHoldingTheRawCsrfTokenIsNeverKept() throws Exception {
		var token = new Cookie(SecurityConfiguration.CSRF_COOKIE, "raw-token-of-one-visitor");
		FilterChain chain = shareable((request, response) -> {
			try {
				response.getWriter().write("<input value=\"raw-token-of-one-visitor\">");
			}
			catch (java.io.IOException failure) {
				throw new java.io.UncheckedIOException(failure);
			}
		});
		assertThat(visit(chain, token).getContentAsString()).contains("raw-token-of-one-visitor", "made 1");
		assertThat(visit(chain).getContentAsString()).as("another visitor, without that token").contains("made 2");
	}

	@Test
	void aKeptAnswerCarriesEveryValueOfAHeaderInOrder() throws Exception {
		FilterChain chain = shareable((request, response) -> {
			response.addHeader("Link", "</css/a.css>; rel=preload; as=style");
			response.addHeader("Link", "</js/b.js>; rel=preload; as=script");
			response.addHeader("Link", "</img/c.svg>; rel=preload; as=image");
		});
		visit(chain);
		MockHttpServletResponse kept = visit(chain);
		assertThat(kept.getContentAsString()).as("the kept copy").contains("made 1");
		assertThat(kept.getHeaders("Link")).containsExactly("</css/a.css>; rel=preload; as=style",
				"</js/b.js>; rel=preload; as=script", "</img/c.svg>; rel=preload; as=image");
	}

}
