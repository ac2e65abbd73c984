package org.carrywell.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

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

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			// The JSON API holds no session and reads no cookie, so there is no ambient credential for a
			// forged request to ride on. An API that authenticates by session cookie must remove this.
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
		applyHeaders(http);
		return http.build();
	}

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
