package org.carrywell.sessions.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import org.carrywell.system.AppSecrets;

/**
 * Signed, dated tokens that let a session trust what she answered a moment ago without keeping anything on the
 * server: {@code <epoch seconds>.<HMAC-SHA256 of the purpose and the time>}. An address kept in her history, or
 * sent by someone else, can only replay an answer while it is fresh.
 */
@Component
public class SessionTokens {

	/** What a token vouches for, and for how long. */
	public enum Purpose {

		/** She answered the questions before a session: good for half an hour. */
		PRE_SESSION_CHECK(Duration.ofMinutes(30)),
		/** She went through the warning-sign check and nothing she ticked stops a session: good for an hour. */
		WARNING_CHECK(Duration.ofHours(1)),
		/** The gate after an urgent result was closed at this time: good until she confirms, however long. */
		PROVIDER_CONTACT(null);

		private final @Nullable Duration validity;

		Purpose(@Nullable Duration validity) {
			this.validity = validity;
		}

	}

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	private final Clock clock;

	SessionTokens(AppSecrets secrets, Clock clock) {
		this.key = new SecretKeySpec(secrets.key("session-token-key"), ALGORITHM);
		this.clock = clock;
	}

	/** A token for now. */
	public String issue(Purpose purpose) {
		String issued = String.valueOf(clock.instant().getEpochSecond());
		return issued + "." + mac(purpose, issued);
	}

	/** When a genuine, still valid token was issued; empty for anything else (in constant time for the MAC). */
	Optional<Instant> verify(Purpose purpose, @Nullable String token) {
		if (token == null) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot > 19) {
			return Optional.empty();
		}
		String issued = token.substring(0, dot);
		byte[] presented;
		long seconds;
		try {
			presented = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			seconds = Long.parseLong(issued);
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
		if (!MessageDigest.isEqual(Base64.getUrlDecoder().decode(mac(purpose, issued)), presented)) {
			return Optional.empty();
		}
		Instant at = Instant.ofEpochSecond(seconds);
		Instant now = clock.instant();
		if (at.isAfter(now.plusSeconds(60)) || (purpose.validity != null && at.plus(purpose.validity).isBefore(now))) {
			return Optional.empty();
		}
		return Optional.of(at);
	}

	private String mac(Purpose purpose, String issued) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			byte[] digest = mac.doFinal((purpose.name() + ":" + issued).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException cannotHappen) {
			// HmacSHA256 is required of every Java platform and the key is always valid.
			throw new IllegalStateException(cannotHappen);
		}
	}

}
