package org.carrywell.accounts.web;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;

import org.carrywell.accounts.internal.Accounts;
import org.carrywell.accounts.internal.MemberAuthentication;
import org.carrywell.accounts.internal.MemberStore;
import org.carrywell.accounts.internal.PasskeyChallenges;
import org.carrywell.system.NetworkRateLimitFilter;
import org.carrywell.system.RateLimits;
import org.carrywell.system.SecurityConfiguration;
import org.carrywell.system.SecurityContribution;

/**
 * The accounts' part of the site's security chain: password sign-in (throttled, the same answer whether or not
 * an address has an account), passkeys (WebAuthn, stored in the database), sign-out, and the addresses only a
 * member may open. A visitor who opens one is sent to sign in and brought back; the members' API answers 401.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurity {

	/** Everything that is a member's own: her account pages, her API, her plan, adding a passkey. */
	static final String[] MEMBER_ONLY = { "/account", "/account/profile", "/account/check/**", "/account/activity",
			"/account/export", "/account/export.zip", "/account/erase", "/account/passkeys/**", "/account/password",
			"/account/sign-out-everywhere", SecurityConfiguration.MEMBER_API, SecurityConfiguration.MEMBER_API + "/**",
			"/plan/mine", "/plan/mine/**", "/progress", "/progress/**", "/sharing", "/sharing/**", "/webauthn/register/**", "/webauthn/register" };

	static final String SIGN_IN = "/account/sign-in";

	/** Passkey sign-in checks a signature, not a secret she types, but it still counts per network. */
	private static final RequestMatcher PASSKEY_SIGN_IN = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login/webauthn"),
			PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/webauthn/authenticate/options"));

	@Bean
	SecurityContribution accountSecurityRules(Accounts accounts, MemberStore members, PasskeyChallenges challenges,
			@Value("${carrywell.base-url}") URI baseUrl,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies,
			@Value("${carrywell.accounts.passkey.per-network:60}") int passkeyAttempts, RateLimits limits) {
		String origin = UriComponentsBuilder.fromUri(baseUrl).replacePath(null).replaceQuery(null).build().toUriString();
		var passkeyLimit = limits.limiter("accounts-passkeys-per-network", passkeyAttempts, Duration.ofMinutes(15));
		// Signing in with a passkey, like with a password: a new session id and a new CSRF token.
		var newSession = new CompositeSessionAuthenticationStrategy(List.of(new ChangeSessionIdAuthenticationStrategy(),
				new CsrfAuthenticationStrategy(SecurityConfiguration.csrfTokens(secureCookies))));
		return http -> {
			http.setSharedObject(UserDetailsService.class, MemberAuthentication.passkeyMembers(members));
			http.authenticationProvider(MemberAuthentication.passwords(accounts))
				.authorizeHttpRequests(requests -> requests.requestMatchers(MEMBER_ONLY)
					.hasAuthority(MemberAuthentication.MEMBER_AUTHORITY))
				.formLogin(login -> login.loginPage(SIGN_IN)
					.loginProcessingUrl(SIGN_IN)
					.usernameParameter("email")
					.passwordParameter("password")
					.successHandler(new SignInResults.Success())
					.failureHandler(new SignInResults.Failure())
					.permitAll())
				.webAuthn(passkeys -> passkeys.rpName("Carrywell")
					.rpId(baseUrl.getHost())
					.allowedOrigins(origin)
					.disableDefaultRegistrationPage(true)
					.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {

						@Override
						public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
							filter.setRequestOptionsRepository(challenges);
							filter.setSessionAuthenticationStrategy(newSession);
							filter.setSecurityContextRepository(new DelegatingSecurityContextRepository(
									new RequestAttributeSecurityContextRepository(),
									new HttpSessionSecurityContextRepository()));
							return filter;
						}

					}))
				.logout(logout -> logout.logoutUrl("/account/sign-out")
					.logoutSuccessUrl(SIGN_IN + "?signedOut")
					.deleteCookies("SESSION"))
				.exceptionHandling(errors -> errors
					.defaultAuthenticationEntryPointFor(AccountSecurity::unauthorizedProblem,
							PathPatternRequestMatcher.withDefaults().matcher(SecurityConfiguration.MEMBER_API + "/**"))
					.defaultAuthenticationEntryPointFor(AccountSecurity::unauthorizedProblem,
							PathPatternRequestMatcher.withDefaults().matcher(SecurityConfiguration.MEMBER_API))
					.defaultAuthenticationEntryPointFor(signInFirst(), request -> true))
				.addFilterBefore(new NetworkRateLimitFilter(PASSKEY_SIGN_IN, passkeyLimit),
						UsernamePasswordAuthenticationFilter.class)
				.addFilterBefore(new PasskeyOptionsFilter(challenges, baseUrl.getHost()),
						UsernamePasswordAuthenticationFilter.class);
		};
	}

	/** The members' API answers with a problem document, never a redirect to a page. */
	private static void unauthorizedProblem(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException failure) throws IOException {
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
					+ "\"detail\":\"Sign in first: this is a member's own data.\"}");
	}

	/** A page only a member may open: sign in, then come back to it (the address travels in the link). */
	private static AuthenticationEntryPoint signInFirst() {
		return (request, response, failure) -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
			response.sendRedirect(UriComponentsBuilder.fromPath(SIGN_IN)
				.queryParam("continue", "{target}")
				.encode()
				.buildAndExpand(target)
				.toUriString());
		};
	}

}
