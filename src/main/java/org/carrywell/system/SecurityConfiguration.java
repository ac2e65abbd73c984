package org.carrywell.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response, and CSRF protection on every form. Features that need their own rules
 * (a login, an endpoint called by mail providers) add their own filter chain, ordered before this catch-all one,
 * and apply the same headers through {@link #applyHeaders(HttpSecurity)}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/** Everything from our own origin only; no inline script or style anywhere. */
	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
			"base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'");

	/** Browser features the site never uses are switched off for it and anything it could embed. */
	static final String PERMISSIONS_POLICY = String.join(", ", "accelerometer=()", "camera=()", "geolocation=()",
			"gyroscope=()", "magnetometer=()", "microphone=()", "payment=()", "usb=()");

	/** The cookie that carries the CSRF token of a visitor's forms (docs/adr/0008-no-server-state-for-visitors.md). */
	public static final String CSRF_COOKIE = "XSRF-TOKEN";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies,
			List<SecurityContribution> contributions) throws Exception {
		// A visitor holds no server state: the CSRF token of her forms lives in a cookie, not in an HTTP session,
		// and no request cache keeps where she was going. Only signing in creates a session (in the database).
		http.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens(secureCookies))
			// The public JSON API reads no cookie, so there is no ambient credential for a forged request to ride
			// on. The members' API (/api/v1/me) authenticates by the session cookie, so it keeps CSRF protection.
			.ignoringRequestMatchers(new AndRequestMatcher(PATHS.matcher("/api/**"),
					new NegatedRequestMatcher(new OrRequestMatcher(PATHS.matcher(MEMBER_API), PATHS.matcher(MEMBER_API + "/**"))))))
			.addFilterAfter(new EagerCsrfTokenFilter(), CsrfFilter.class)
			.requestCache(cache -> cache.disable())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
		for (SecurityContribution contribution : contributions) {
			contribution.contribute(http);
		}
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
		applyHeaders(http);
		return http.build();
	}

	/** Matches the decoded, normalised path, as the dispatcher does: /%61pi/ is /api/ here too. */
	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	/** The members' JSON API: authenticated by the session cookie, so CSRF-protected on every write. */
	public static final String MEMBER_API = "/api/v1/me";

	/** HttpOnly (forms carry the token; no script reads it), SameSite=Lax, Secure behind TLS. */
	public static CookieCsrfTokenRepository csrfTokens(boolean secureCookies) {
		var repository = new CookieCsrfTokenRepository();
		repository.setCookieName(CSRF_COOKIE);
		repository.setCookieCustomizer(cookie -> {
			cookie.httpOnly(true).sameSite("Lax");
			if (secureCookies) {
				cookie.secure(true);
			}
		});
		return repository;
	}

	/**
	 * Settles a page's CSRF token before the page is written. Loaded lazily, the token would be made while the
	 * form is rendered, when the first part of a long page may already be on its way, too late for its cookie.
	 * Static files and the JSON API have no forms and are left alone.
	 */
	static final class EagerCsrfTokenFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (HttpMethod.GET.matches(request.getMethod()) && !hasNoForms(request.getRequestURI())) {
				CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
				if (token != null) {
					token.getToken();
				}
			}
			chain.doFilter(request, response);
		}

		private static boolean hasNoForms(String path) {
			return (path.startsWith("/api/") && !path.startsWith(MEMBER_API)) || path.startsWith("/css/") || path.startsWith("/js/")
					|| path.startsWith("/img/") || path.startsWith("/webjars/") || path.startsWith("/v3/")
					|| path.endsWith(".ics") || path.equals("/sw.js") || path.equals("/manifest.webmanifest");
		}

	}

	/**
	 * The same headers as plain pairs, for responses no filter chain writes: requests the firewall refuses and the
	 * servlet container's own errors ({@link SecurityHeadersValve}).
	 */
	static final java.util.Map<String, String> HEADERS = java.util.Map.of("Content-Security-Policy",
			CONTENT_SECURITY_POLICY, "X-Frame-Options", "DENY", "X-Content-Type-Options", "nosniff", "Referrer-Policy",
			ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN.getPolicy(), "Permissions-Policy", PERMISSIONS_POLICY,
			"Cross-Origin-Opener-Policy", "same-origin", "Cross-Origin-Resource-Policy", "same-origin");

	/** The security headers of every page; each feature's own filter chain applies them too. */
	public static void applyHeaders(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
			.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"))
			.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Resource-Policy", "same-origin")));
	}

}
