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

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import org.carrywell.system.AppSecrets;

/**
 * The rule book's gate after an urgent warning sign (CALL_PROVIDER_NOW or EMERGENCY): no session starts until
 * she says she has spoken to her provider. Until accounts exist it is a cookie on her device, set by the server
 * (so it holds without JavaScript and on a direct player link), HttpOnly, and signed with HMAC-SHA256 so that
 * its date cannot be made up. It keeps no state on the server.
 */
@Component
class ProviderContactGate {

	static final String COOKIE = "carrywell-contact-provider";

	private static final String ALGORITHM = "HmacSHA256";

	/** Long enough to outlast any wait for a call back; short enough not to linger for ever. */
	private static final Duration LIFETIME = Duration.ofDays(30);

	private final SecretKeySpec key;

	private final Clock clock;

	private final boolean secure;

	ProviderContactGate(AppSecrets secrets, Clock clock,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
		this.key = new SecretKeySpec(secrets.key("session-gate-key"), ALGORITHM);
		this.clock = clock;
		this.secure = secure;
	}

	/** Closes the gate: from now on, sessions wait until she confirms she has spoken to her provider. */
	void close(HttpServletResponse response) {
		String issued = String.valueOf(clock.instant().getEpochSecond());
		write(response, issued + "." + mac(issued), LIFETIME);
	}

	/** Opens it again, after she has confirmed. */
	void open(HttpServletResponse response) {
		write(response, "", Duration.ZERO);
	}

	/** When the gate was closed, if it is closed and the cookie is genuine. */
	Optional<Instant> closedSince(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return verify(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	private Optional<Instant> verify(String value) {
		int dot = value.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		String issued = value.substring(0, dot);
		byte[] presented;
		try {
			presented = Base64.getUrlDecoder().decode(value.substring(dot + 1));
		}
		catch (IllegalArgumentException malformed) {
			return Optional.empty();
		}
		if (!MessageDigest.isEqual(Base64.getUrlDecoder().decode(mac(issued)), presented)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Instant.ofEpochSecond(Long.parseLong(issued)));
		}
		catch (NumberFormatException malformed) {
			return Optional.empty();
		}
	}

	private void write(HttpServletResponse response, String value, Duration maxAge) {
		var cookie = ResponseCookie.from(COOKIE, value)
			.path("/")
			.httpOnly(true)
			.secure(secure)
			.sameSite("Lax")
			.maxAge(maxAge)
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
	}

	private String mac(String issued) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			byte[] digest = mac.doFinal(("provider-contact:" + issued).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException cannotHappen) {
			// HmacSHA256 is required of every Java platform and the key is always valid.
			throw new IllegalStateException(cannotHappen);
		}
	}

}
