package org.carrywell.accounts.web;

import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.StandingAccess;
import org.carrywell.accounts.internal.Accounts;
import org.carrywell.accounts.internal.MemberAuthentication;
import org.carrywell.system.ClientNetwork;
import org.carrywell.system.EmailAddresses;

/**
 * The pages a visitor uses to become a member and get back in: register, verify, sign in, forgot password, reset.
 * Every answer to an address is the same whether or not it has an account; links in e-mails open a page with a
 * button (mail scanners open links; only a person presses the button), so a link is used only on purpose.
 */
@Controller
class AccountPagesController {

	private final Accounts accounts;

	private final CurrentMember currentMember;

	private final MemberSessions sessions;

	/** Links and calendar addresses, ended with her sessions when she resets her password. */
	private final List<StandingAccess> standingAccess;

	AccountPagesController(Accounts accounts, CurrentMember currentMember,
			MemberSessions sessions, List<StandingAccess> standingAccess) {
		this.standingAccess = List.copyOf(standingAccess);
		this.accounts = accounts;
		this.currentMember = currentMember;
		this.sessions = sessions;
	}

	@GetMapping("/account/register")
	String registerPage(Model model) {
		if (currentMember.get().isPresent()) {
			return "redirect:/account";
		}
		model.addAttribute("form", CredentialsForm.empty());
		return "accounts/register";
	}

	@PostMapping("/account/register")
	String register(@RequestParam(required = false) String email, @RequestParam(required = false) String password,
			HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
		var form = CredentialsForm.read(email, password, accounts.passwords());
		if (!form.valid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", form);
			return "accounts/register";
		}
		var wait = accounts.register(form.normalisedEmail(), password, ClientNetwork.of(request), locale);
		if (wait.isPresent()) {
			return tooMany(wait.get(), response, model);
		}
		return "redirect:/account/check-inbox?for=register";
	}

	@GetMapping("/account/check-inbox")
	String checkInbox(@RequestParam(name = "for", defaultValue = "register") String purpose, Model model) {
		model.addAttribute("purpose", "reset".equals(purpose) ? "reset" : "register");
		return "accounts/check-inbox";
	}

	@GetMapping("/account/verify/{token}")
	String verifyPage(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		var throttled = throttleLinkCheck(request, response, model);
		if (throttled.isPresent()) {
			return throttled.get();
		}
		model.addAttribute("token", token);
		model.addAttribute("errors", Map.of());
		return "accounts/verify";
	}

	/**
	 * The link opens with the password chosen when registering: it proves that the person who holds the inbox is
	 * the person who registered, so nobody can register her address and wait for her to click.
	 */
	@PostMapping("/account/verify/{token}")
	String verify(@PathVariable String token, @RequestParam(required = false) String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		var throttled = throttleLinkCheck(request, response, model);
		if (throttled.isPresent()) {
			return throttled.get();
		}
		String network = ClientNetwork.of(request);
		model.addAttribute("token", token);
		if (password == null || password.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("errors", Map.of("password", "account.password.missing"));
			return "accounts/verify";
		}
		Accounts.VerifyOutcome outcome = accounts.verify(token, password, network);
		switch (outcome.kind()) {
			case VERIFIED:
				return "redirect:/account/sign-in?verified";
			case WRONG_PASSWORD:
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("errors", Map.of("password", "account.verify.wrongPassword"));
				return "accounts/verify";
			case LOCKED:
				return tooMany(outcome.retryAfter(), response, model);
			default:
				return linkExpired("verify", response, model);
		}
	}

	@GetMapping("/account/sign-in")
	String signInPage(@RequestParam(name = "continue", required = false) String target, Model model) {
		if (currentMember.get().isPresent()) {
			return "redirect:" + SignInResults.safeContinue(target);
		}
		model.addAttribute("email", "");
		model.addAttribute("errors", Map.of());
		model.addAttribute("continueTo", SignInResults.safeContinue(target));
		return "accounts/sign-in";
	}

	/** Reached by forward from the sign-in filter when a password sign-in failed. */
	@PostMapping(SignInResults.FAILED_PATH)
	String signInFailed(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object failure = request.getAttribute(SignInResults.FAILURE_ATTRIBUTE);
		if (!(failure instanceof AuthenticationException)) {
			return "redirect:/account/sign-in";
		}
		String email = request.getParameter("email");
		String password = request.getParameter("password");
		var errors = new java.util.LinkedHashMap<String, String>();
		if (email == null || email.isBlank()) {
			errors.put("email", "account.email.missing");
		}
		if (password == null || password.isEmpty()) {
			errors.put("password", "account.password.missing");
		}
		if (failure instanceof MemberAuthentication.SignInLockedException locked) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("lockedMinutes", Math.max(1, (locked.retryAfter().toSeconds() + 59) / 60));
		}
		else {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			if (errors.isEmpty() && failure instanceof BadCredentialsException) {
				model.addAttribute("refused", true);
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("email", email == null ? "" : email.strip());
		model.addAttribute("continueTo", SignInResults.safeContinue(request.getParameter("continue")));
		return "accounts/sign-in";
	}

	@GetMapping("/account/forgot")
	String forgotPage(Model model) {
		model.addAttribute("email", "");
		model.addAttribute("errors", Map.of());
		return "accounts/forgot";
	}

	@PostMapping("/account/forgot")
	String forgot(@RequestParam(required = false) String email, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		String typed = email == null ? "" : email.strip();
		var normalised = EmailAddresses.normalise(typed);
		if (normalised.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("email", typed);
			model.addAttribute("errors",
					Map.of("email", typed.isEmpty() ? "account.email.missing" : "account.email.invalid"));
			return "accounts/forgot";
		}
		accounts.requestReset(normalised.get(), ClientNetwork.of(request), locale);
		return "redirect:/account/check-inbox?for=reset";
	}

	@GetMapping("/account/reset/{token}")
	String resetPage(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		var throttled = throttleLinkCheck(request, response, model);
		if (throttled.isPresent()) {
			return throttled.get();
		}
		if (!accounts.resetLinkValid(token)) {
			return linkExpired("reset", response, model);
		}
		model.addAttribute("token", token);
		model.addAttribute("errors", Map.of());
		return "accounts/reset";
	}

	/** A new password through the link; every session of hers ends (someone else may have been signed in). */
	@PostMapping("/account/reset/{token}")
	String reset(@PathVariable String token, @RequestParam(required = false) String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		var throttled = throttleLinkCheck(request, response, model);
		if (throttled.isPresent()) {
			return throttled.get();
		}
		if (!accounts.resetLinkValid(token)) {
			return linkExpired("reset", response, model);
		}
		var problem = accounts.passwords().problem(password == null ? "" : password, "");
		if (problem.isPresent()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("token", token);
			model.addAttribute("errors", Map.of("password", problem.get()));
			return "accounts/reset";
		}
		var member = accounts.resetPassword(token, password);
		if (member.isEmpty()) {
			return linkExpired("reset", response, model);
		}
		sessions.endAll(member.get().email());
		standingAccess.forEach(access -> access.endAll(member.get().id(), StandingAccess.Why.PASSWORD_RESET));
		return "redirect:/account/sign-in?reset";
	}

	@GetMapping("/privacy")
	String privacy() {
		return "accounts/privacy";
	}

	/** Each look at a link counts per network; past the limit, the page that says how long to wait. */
	private Optional<String> throttleLinkCheck(HttpServletRequest request, HttpServletResponse response, Model model) {
		return accounts.linkCheck(ClientNetwork.of(request)).map(wait -> tooMany(wait, response, model));
	}

	/** A link used already, expired, or never sent: 410, and what to do next. */
	private static String linkExpired(String purpose, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("purpose", purpose);
		return "accounts/link-expired";
	}

	private static String tooMany(java.time.Duration wait, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
		response.setHeader("Retry-After", String.valueOf(minutes * 60));
		model.addAttribute("minutes", minutes);
		return "accounts/too-many";
	}

}
