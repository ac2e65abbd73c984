package org.carrywell.accounts.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import org.carrywell.system.ClientNetwork;
import org.carrywell.system.EmailAddresses;

/**
 * How a member is recognised. A member's authentication is named by her address and holds
 * {@link #MEMBER_AUTHORITY}, whether she signed in with a password or a passkey.
 */
public final class MemberAuthentication {

	/** The authority every member holds; nothing else in the site grants it. */
	public static final String MEMBER_AUTHORITY = "ROLE_MEMBER";

	private MemberAuthentication() {
	}

	/** Whether this authentication is a signed-in member (not a visitor, not the newsletter's editor). */
	public static boolean isMember(@Nullable Authentication authentication) {
		return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> MEMBER_AUTHORITY.equals(authority.getAuthority()));
	}

	/** Too many attempts for this address or network. */
	public static final class SignInLockedException extends AuthenticationException {

		private final Duration retryAfter;

		SignInLockedException(Duration retryAfter) {
			super("Too many sign-in attempts");
			this.retryAfter = retryAfter;
		}

		public Duration retryAfter() {
			return retryAfter;
		}

	}

	/**
	 * For passkey sign-in, which finds the member by the name her passkey was registered under (her address). Not a
	 * bean on purpose: a UserDetailsService bean would give Spring Security a second, unthrottled way to check
	 * passwords.
	 */
	public static UserDetailsService passkeyMembers(MemberStore members) {
		return email -> members.byEmail(email)
			.map(member -> User.withUsername(member.email())
				.password(member.passwordHash())
				.authorities(MEMBER_AUTHORITY)
				.disabled(!member.verified())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No such member"));
	}

	/** Password sign-in through {@link Accounts#signIn}: limits first, the same cost with or without an account. */
	public static AuthenticationProvider passwords(Accounts accounts) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				String email = EmailAddresses.normalise(String.valueOf(authentication.getName())).orElse("");
				String password = authentication.getCredentials() == null ? ""
						: authentication.getCredentials().toString();
				String network = authentication.getDetails() instanceof WebAuthenticationDetails details
						&& details.getRemoteAddress() != null ? ClientNetwork.of(details.getRemoteAddress())
								: ClientNetwork.of("");
				Locale locale = LocaleContextHolder.getLocale();
				Accounts.SignIn outcome = accounts.signIn(email, password, network, locale);
				if (outcome instanceof Accounts.SignIn.Success success) {
					var token = UsernamePasswordAuthenticationToken.authenticated(success.member().email(), null,
							List.of(new SimpleGrantedAuthority(MEMBER_AUTHORITY)));
					token.setDetails(authentication.getDetails());
					return token;
				}
				if (outcome instanceof Accounts.SignIn.Locked locked) {
					throw new SignInLockedException(locked.retryAfter());
				}
				throw new BadCredentialsException("Refused");
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}

		};
	}

}
