package org.carrywell.newsletter.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import org.carrywell.newsletter.internal.NewsletterProperties;
import org.carrywell.system.NetworkRateLimitFilter;
import org.carrywell.system.RateLimits;
import org.carrywell.system.SecurityConfiguration;

/**
 * Who may reach the editor's pages, and the one newsletter endpoint that must accept a POST without a CSRF
 * token. Both chains sit before the site's catch-all chain and carry the same security headers.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

	static final String EDITOR_ROLE = "NEWSLETTER_EDITOR";

	/**
	 * Login posts are limited before the password is even checked, matched the way Spring Security's login filter
	 * matches them (the decoded path), so {@code /admin/%6cogin} is counted too; per client network.
	 */
	private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/admin/login");

	/**
	 * With an editor password configured: a login form, Argon2id, and a limit on login attempts per client.
	 * Without one, every admin address is a 404: there is no default password to guess.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain adminChain(HttpSecurity http, NewsletterProperties properties, RateLimits limits)
			throws Exception {
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
		var loginLimit = limits.limiter("editor-logins-per-network", editor.loginAttempts(), editor.loginPeriod());
		http.authenticationProvider(provider)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/admin/login").permitAll()
				.anyRequest().hasRole(EDITOR_ROLE))
			.formLogin(login -> login.loginPage("/admin/login")
				.defaultSuccessUrl("/admin/newsletter", true)
				.failureUrl("/admin/login?error"))
			.logout(logout -> logout.logoutUrl("/admin/logout").logoutSuccessUrl("/"))
			.addFilterBefore(new NetworkRateLimitFilter(LOGIN, loginLimit), UsernamePasswordAuthenticationFilter.class);
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

}
