package org.carrywell.accounts.web;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import org.carrywell.accounts.internal.PasskeyChallenges;

/**
 * Answers the first step of a passkey sign-in ({@code POST /webauthn/authenticate/options}) in place of Spring
 * Security's filter, which would keep the challenge in a new HTTP session: here it goes to
 * {@link PasskeyChallenges}. The answer has the same shape (WebAuthn's PublicKeyCredentialRequestOptions in JSON,
 * binary values in base64url); no credentials are listed, so the browser offers her the passkeys it holds for this
 * site and nothing tells a visitor which addresses have one.
 */
final class PasskeyOptionsFilter extends OncePerRequestFilter {

	static final Duration TIMEOUT = Duration.ofMinutes(5);

	private static final RequestMatcher OPTIONS = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/webauthn/authenticate/options");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PasskeyChallenges challenges;

	private final String rpId;

	PasskeyOptionsFilter(PasskeyChallenges challenges, String rpId) {
		this.challenges = challenges;
		this.rpId = rpId;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!OPTIONS.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		var options = PublicKeyCredentialRequestOptions.builder()
			.challenge(Bytes.random())
			.rpId(rpId)
			.timeout(TIMEOUT)
			.userVerification(UserVerificationRequirement.PREFERRED)
			.allowCredentials(List.of())
			.extensions(new ImmutableAuthenticationExtensionsClientInputs(List.of()))
			.build();
		challenges.save(request, response, options);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("challenge", options.getChallenge().toBase64UrlString());
		body.put("timeout", TIMEOUT.toMillis());
		body.put("rpId", rpId);
		body.put("allowCredentials", List.of());
		body.put("userVerification", UserVerificationRequirement.PREFERRED.getValue());
		body.put("extensions", Map.of());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader("Cache-Control", "no-store");
		JSON.writeValue(response.getOutputStream(), body);
	}

}
