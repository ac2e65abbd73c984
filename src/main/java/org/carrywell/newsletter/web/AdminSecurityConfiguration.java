package org.carrywell.newsletter.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import org.carrywell.newsletter.internal.NewsletterProperties;
import org.carrywell.system.RateLimiter;
import org.carrywell.system.ClientNetwork;
import org.carrywell.system.SecurityConfiguration;

/**
 * Who may reach the editor's pages, and the one newsletter endpoint that must accept a POST without a CSRF
 * token. Both chains sit before the site's catch-all chain and carry the same security headers.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

	static final String EDITOR_ROLE = "NEWSLETTER_EDITOR";

	/**
	 * With an editor password configured: a login form, Argon2id, and a limit on login attempts per client.
	 * Without one, every admin address is a 404: there is no default password to guess.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain adminChain(HttpSecurity http, NewsletterProperties properties) throws Exception {
		var editor = properties.editor();
		http.securityMatcher("/admin/**");
		SecurityConfiguration.applyHeaders(http);
		if (!editor.enabled()) {
			http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
			return http.build();
		}
		var encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		String password = editor.password();
		// An Argon2 hash may be configured instead of the password itself (see docs/newsletter.md).
		String hash = password.startsWith("$argon2") ? password : encoder.encode(password);
		var users = new InMemoryUserDetailsManager(
				User.withUsername(editor.username()).password(hash).roles(EDITOR_ROLE).build());
		var provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		var loginLimit = new RateLimiter(editor.loginAttempts(), editor.loginPeriod());
		http.authenticationProvider(provider)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/login").permitAll()
				.anyRequest().hasRole(EDITOR_ROLE))
			.formLogin(login -> login.loginPage("/admin/login")
				.defaultSuccessUrl("/admin/newsletter", true)
				.failureUrl("/admin/login?error"))
			.logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/"))
			.addFilterBefore(new LoginRateLimitFilter(loginLimit), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	/** RFC 8058 one-click unsubscribe: called by mail providers, authorised by the signed link it carries. */
	@Bean
	@Order(2)
	SecurityFilterChain oneClickUnsubscribeChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/newsletter/unsubscribe/one-click")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable());
		SecurityConfiguration.applyHeaders(http);
		return http.build();
	}

	/**
	 * Refuses login posts beyond the limit before the password is even checked. It matches the login the way
	 * Spring Security's login filter does (the decoded path), so {@code /admin/%6cogin} is counted too, and it
	 * counts per client network.
	 */
	static final class LoginRateLimitFilter extends OncePerRequestFilter {

		private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
			.matcher(HttpMethod.POST, "/admin/login");

		private final RateLimiter limit;

		LoginRateLimitFilter(RateLimiter limit) {
			this.limit = limit;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String client = ClientNetwork.of(request);
			if (LOGIN.matches(request) && !limit.tryAcquire(client)) {
				response.setHeader(HttpHeaders.RETRY_AFTER,
						String.valueOf(Math.max(1, limit.retryAfter(client).toSeconds())));
				response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
