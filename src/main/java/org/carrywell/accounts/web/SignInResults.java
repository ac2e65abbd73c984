package org.carrywell.accounts.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import org.carrywell.accounts.internal.MemberAuthentication;

/** Where a password sign-in goes next: back to where she was going, or the sign-in page with what went wrong. */
final class SignInResults {

	static final String FAILURE_ATTRIBUTE = SignInResults.class.getName() + ".failure";

	static final String FAILED_PATH = "/account/sign-in/failed";

	private SignInResults() {
	}

	/**
	 * Only a path on this site is followed ("/plan/mine", never "//elsewhere.example" or "https://…"), so the
	 * sign-in page cannot be used to send someone elsewhere.
	 */
	static String safeContinue(String target) {
		if (target == null || target.isBlank() || !target.startsWith("/") || target.startsWith("//")
				|| target.contains("\\") || target.length() > 2000 || target.chars().anyMatch(Character::isISOControl)) {
			return "/account";
		}
		return target;
	}

	static final class Success implements AuthenticationSuccessHandler {

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws IOException {
			response.sendRedirect(safeContinue(request.getParameter("continue")));
		}

	}

	/** Shows the form again (with her address kept), answering 400, or 429 with Retry-After when locked. */
	static final class Failure implements AuthenticationFailureHandler {

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException failure) throws IOException, ServletException {
			request.setAttribute(FAILURE_ATTRIBUTE, failure);
			if (failure instanceof MemberAuthentication.SignInLockedException locked) {
				response.setHeader("Retry-After", String.valueOf(Math.max(1, locked.retryAfter().toSeconds())));
			}
			request.getRequestDispatcher(FAILED_PATH).forward(request, response);
		}

	}

}
