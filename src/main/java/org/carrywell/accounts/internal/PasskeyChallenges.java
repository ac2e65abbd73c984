package org.carrywell.accounts.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;

/**
 * Where a passkey sign-in's challenge waits for the signed answer: a database row named by a random value in a
 * short-lived HttpOnly cookie, instead of Spring Security's default HTTP session. A visitor who presses "sign in
 * with a passkey" is therefore given no session (docs/adr/0008), any node can check the answer, and a challenge
 * is used once: loading it deletes it.
 */
public class PasskeyChallenges implements PublicKeyCredentialRequestOptionsRepository {

	static final String COOKIE = "carrywell-passkey";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final boolean secureCookies;

	private final Clock clock;

	public PasskeyChallenges(JdbcClient jdbc, boolean secureCookies, Clock clock) {
		this.jdbc = jdbc;
		this.secureCookies = secureCookies;
		this.clock = clock;
	}

	@Override
	public void save(HttpServletRequest request, HttpServletResponse response,
			@Nullable PublicKeyCredentialRequestOptions options) {
		if (options == null) {
			cookie(response, "", Duration.ZERO);
			return;
		}
		byte[] id = new byte[32];
		RANDOM.nextBytes(id);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
		Duration timeout = options.getTimeout() == null ? Duration.ofMinutes(5) : options.getTimeout();
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM passkey_challenge WHERE expires_at < ?").param(MemberStore.utc(now)).update();
		jdbc.sql("""
				INSERT INTO passkey_challenge (id_hash, challenge, rp_id, user_verification, timeout_ms, expires_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(AccountTokens.hash(value), options.getChallenge().toBase64UrlString(), options.getRpId(),
					options.getUserVerification() == null ? UserVerificationRequirement.PREFERRED.getValue()
							: options.getUserVerification().getValue(),
					timeout.toMillis(), MemberStore.utc(now.plus(timeout)))
			.update();
		cookie(response, value, timeout);
	}

	@Override
	public @Nullable PublicKeyCredentialRequestOptions load(HttpServletRequest request) {
		Optional<String> value = cookieValue(request);
		if (value.isEmpty() || value.get().length() > 100) {
			return null;
		}
		String hash = AccountTokens.hash(value.get());
		var row = jdbc.sql("""
				SELECT challenge, rp_id, user_verification, timeout_ms FROM passkey_challenge
				WHERE id_hash = ? AND expires_at > ?""")
			.params(hash, MemberStore.utc(clock.instant()))
			.query((rs, number) -> PublicKeyCredentialRequestOptions.builder()
				.challenge(Bytes.fromBase64(rs.getString("challenge")))
				.rpId(rs.getString("rp_id"))
				.userVerification(verification(rs.getString("user_verification")))
				.timeout(Duration.ofMillis(rs.getLong("timeout_ms")))
				.allowCredentials(List.of())
				.extensions(new ImmutableAuthenticationExtensionsClientInputs(List.of()))
				.build())
			.optional();
		// Used once: whoever deletes the row is the one answer that may use it.
		int deleted = jdbc.sql("DELETE FROM passkey_challenge WHERE id_hash = ?").param(hash).update();
		return deleted == 1 ? row.orElse(null) : null;
	}

	public int forgetExpired() {
		return jdbc.sql("DELETE FROM passkey_challenge WHERE expires_at < ?")
			.param(MemberStore.utc(clock.instant()))
			.update();
	}

	private static UserVerificationRequirement verification(String value) {
		if (UserVerificationRequirement.REQUIRED.getValue().equals(value)) {
			return UserVerificationRequirement.REQUIRED;
		}
		if (UserVerificationRequirement.DISCOURAGED.getValue().equals(value)) {
			return UserVerificationRequirement.DISCOURAGED;
		}
		return UserVerificationRequirement.PREFERRED;
	}

	private static Optional<String> cookieValue(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	private void cookie(HttpServletResponse response, String value, Duration maxAge) {
		response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, value)
			.path("/")
			.httpOnly(true)
			.secure(secureCookies)
			.sameSite("Strict")
			.maxAge(maxAge)
			.build()
			.toString());
	}

}
