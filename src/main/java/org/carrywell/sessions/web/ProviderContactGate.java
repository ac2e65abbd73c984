package org.carrywell.sessions.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The rule book's gate after an urgent warning sign (CALL_PROVIDER_NOW or EMERGENCY): no session starts until
 * she says she has spoken to her provider. Until accounts exist it is a cookie on her device, set by the server
 * (so it holds without JavaScript and on a direct player link), HttpOnly, and signed ({@link SessionTokens}) so
 * that it cannot be made up. Her confirmation must name the closing it answers, so an old "I have spoken to my
 * provider" kept in her history cannot open a gate closed since. It keeps no state on the server.
 */
@Component
class ProviderContactGate {

	static final String COOKIE = "carrywell-contact-provider";

	/**
	 * The same gate as a plain flag her device can read (docs/offline.md): an offline copy of a session waits for
	 * her confirmation when it is set, and a session's check on her device sets it when its result stops exercise.
	 * It proves nothing, so it only ever closes the gate: seen without the signed cookie, the server closes the gate
	 * properly ({@link #closing(HttpServletRequest, HttpServletResponse)}).
	 */
	static final String DEVICE_COOKIE = "carrywell-gate-closed";

	/** The closing made for this request from the device's flag. */
	private static final String CLOSED_NOW = ProviderContactGate.class.getName() + ".closedNow";

	/** The cookie lasts a year: it lifts when she confirms, not when time passes. */
	private static final Duration LIFETIME = Duration.ofDays(365);

	private final SessionTokens tokens;

	private final boolean secure;

	ProviderContactGate(SessionTokens tokens,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
		this.tokens = tokens;
		this.secure = secure;
	}

	/** Closes the gate: from now on, sessions wait until she confirms she has spoken to her provider. */
	void close(HttpServletRequest request, HttpServletResponse response) {
		write(request, response, tokens.issue(SessionTokens.Purpose.PROVIDER_CONTACT), LIFETIME);
	}

	/** Opens it again, after she has confirmed. */
	void open(HttpServletRequest request, HttpServletResponse response) {
		write(request, response, "", Duration.ZERO);
	}

	/**
	 * The closing she must answer, as {@link #closing(HttpServletRequest)}; when only her device says the gate is
	 * closed (a warning sign checked with no network), the gate is closed here first, so that she must confirm.
	 */
	Optional<String> closing(HttpServletRequest request, HttpServletResponse response) {
		Optional<String> closing = closing(request);
		if (closing.isPresent() || !deviceSaysClosed(request)) {
			return closing;
		}
		// Once per request: the page and its cookie must name the same closing.
		if (request.getAttribute(CLOSED_NOW) instanceof String token) {
			return Optional.of(token);
		}
		String token = tokens.issue(SessionTokens.Purpose.PROVIDER_CONTACT);
		write(request, response, token, LIFETIME);
		request.setAttribute(CLOSED_NOW, token);
		return Optional.of(token);
	}

	private static boolean deviceSaysClosed(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		return cookies != null && Arrays.stream(cookies)
			.anyMatch(cookie -> DEVICE_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty());
	}

	/** The closing she must answer (the cookie's own token), if the gate is closed and the cookie is genuine. */
	private Optional<String> closing(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())
					&& tokens.verify(SessionTokens.Purpose.PROVIDER_CONTACT, cookie.getValue()).isPresent()) {
				return Optional.of(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	private void write(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
		var cookie = ResponseCookie.from(COOKIE, value)
			.path("/")
			.httpOnly(true)
			.secure(secure || request.isSecure())
			.sameSite("Lax")
			.maxAge(maxAge)
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
		var flag = ResponseCookie.from(DEVICE_COOKIE, value.isEmpty() ? "" : "yes")
			.path("/")
			.secure(secure || request.isSecure())
			.sameSite("Lax")
			.maxAge(maxAge)
			.build();
		response.addHeader("Set-Cookie", flag.toString());
	}

}
