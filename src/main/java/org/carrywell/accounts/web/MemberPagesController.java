package org.carrywell.accounts.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.accounts.StandingAccess;
import org.carrywell.accounts.internal.Accounts;
import org.carrywell.accounts.internal.ActivityLog;
import org.carrywell.accounts.internal.Member;
import org.carrywell.accounts.internal.PasskeyStore;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;
import org.carrywell.safety.Condition;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.safety.PersonInput;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.safety.ScreeningQuestion;
import org.carrywell.safety.ScreeningResult;
import org.carrywell.system.ClientNetwork;
import org.carrywell.system.InvalidParameter;
import org.carrywell.system.InvalidParametersException;
import org.carrywell.system.NotFoundException;

/**
 * A member's own pages: her account, profile, check and clearance, passkeys, activity log, export and erasure.
 * Every page reads only the signed-in member's rows (found by her own session, never by an id in the address).
 */
@Controller
class MemberPagesController {

	private final Accounts accounts;

	private final CurrentMember currentMember;

	private final MemberSessions sessions;

	private final Clock clock;

	private final UserCredentialRepository passkeys;

	private final PasskeyStore passkeyStore;

	/** Links and calendar addresses, ended with her sessions when she signs out everywhere. */
	private final List<StandingAccess> standingAccess;

	MemberPagesController(Accounts accounts, CurrentMember currentMember,
			MemberSessions sessions, PasskeyStore passkeyStore,
			UserCredentialRepository passkeys, Clock clock, List<StandingAccess> standingAccess) {
		this.standingAccess = List.copyOf(standingAccess);
		this.passkeyStore = passkeyStore;
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.currentMember = currentMember;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping("/account")
	String account(Model model) {
		SignedInMember member = signedIn();
		model.addAttribute("member", member);
		model.addAttribute("passkeys", passkeyStore.of(member.email()));
		// Today's outcome when her profile gives her week; otherwise the one she kept.
		member.check()
			.ifPresent(check -> model.addAttribute("outcome", screeningToday(member, check.answers(), null)
				.map(ScreeningResult::outcome)
				.orElse(check.outcome())));
		return "accounts/account";
	}

	@GetMapping("/account/profile")
	String profilePage(Model model) {
		model.addAttribute("form", ProfileForm.of(signedIn().profile()));
		addChoices(model);
		return "accounts/profile";
	}

	@PostMapping("/account/profile")
	String saveProfile(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response,
			Model model) {
		SignedInMember member = signedIn();
		var form = ProfileForm.read(parameters, LocalDate.now(clock));
		if (form.profile() == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", form);
			addChoices(model);
			return "accounts/profile";
		}
		accounts.saveProfile(member.id(), form.profile());
		return "redirect:/account?saved=profile";
	}

	/**
	 * Keeps the check she just took (the check's result page posts its answers here). The outcome is the engine's,
	 * for her week today, from her due date when she has one.
	 */
	@PostMapping("/account/check")
	String saveCheck(@RequestParam MultiValueMap<String, String> parameters, HttpServletResponse response,
			Model model) {
		SignedInMember member = signedIn();
		var answers = new EnumMap<ScreeningQuestion, Boolean>(ScreeningQuestion.class);
		for (ScreeningQuestion question : ScreeningQuestion.values()) {
			String value = parameters.getFirst(question.name());
			if (PersonInput.YES.equals(value) || PersonInput.NO.equals(value)) {
				answers.put(question, PersonInput.YES.equals(value));
			}
			else if (value != null && !value.isBlank()) {
				throw new InvalidParametersException(List.of(new InvalidParameter(
						question.name(), value, "is not yes or no", List.of(PersonInput.YES, PersonInput.NO))));
			}
		}
		var result = screeningToday(member, answers, parameters);
		if (answers.isEmpty() || result.isEmpty()) {
			return "redirect:/check";
		}
		accounts.saveCheck(member.id(), answers, result.get().outcome());
		return "redirect:/account/check";
	}

	@GetMapping("/account/check")
	String checkPage(Model model) {
		SignedInMember member = signedIn();
		model.addAttribute("member", member);
		addCheck(member, model);
		model.addAttribute("clearanceErrors", Map.of());
		model.addAttribute("clearedBy", "");
		model.addAttribute("clearedOn", LocalDate.now(clock).toString());
		return "accounts/check";
	}

	@PostMapping("/account/check/clearance")
	String recordClearance(@RequestParam(required = false) String clearedOn,
			@RequestParam(required = false) String clearedBy, HttpServletResponse response, Model model) {
		SignedInMember member = signedIn();
		boolean asked = member.check()
			.flatMap(check -> screeningToday(member, check.answers(), null))
			.filter(result -> result.outcome() == ScreeningOutcome.CLEARANCE_NEEDED)
			.isPresent();
		var form = ClearanceForm.read(clearedOn, clearedBy, LocalDate.now(clock));
		Map<String, String> errors = !asked ? Map.of("form", "account.clearance.notNeeded") : form.errors();
		if (errors.isEmpty() && form.clearance() != null
				&& accounts.recordClearance(member.id(), form.clearance(), ScreeningOutcome.CLEARANCE_NEEDED)) {
			return "redirect:/account/check?cleared";
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("member", member);
		addCheck(member, model);
		model.addAttribute("clearanceErrors", errors.isEmpty() ? Map.of("form", "account.clearance.notNeeded") : errors);
		model.addAttribute("clearedBy", form.clearedBy());
		model.addAttribute("clearedOn", form.clearedOn());
		return "accounts/check";
	}

	@PostMapping("/account/check/clearance/remove")
	String removeClearance() {
		accounts.removeClearance(signedIn().id());
		return "redirect:/account/check";
	}

	@GetMapping("/account/activity")
	String activity(Model model) {
		model.addAttribute("entries", accounts.activity(signedIn().id()));
		return "accounts/activity";
	}

	@GetMapping("/account/export")
	String exportPage() {
		signedIn();
		return "accounts/export";
	}

	/** One download: everything as JSON, each table as CSV too, and a note on what is where. */
	@GetMapping("/account/export.zip")
	void exportZip(HttpServletResponse response) throws IOException {
		Member member = memberRow();
		var tables = accounts.export(member);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("carrywell-export-" + LocalDate.now(clock) + ".zip")
			.build()
			.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		MemberExport.writeZip(tables, clock.instant(), response.getOutputStream());
	}

	@PostMapping("/account/passkeys/{id}/remove")
	String removePasskey(@PathVariable String id) {
		SignedInMember member = signedIn();
		var passkey = passkeyStore.find(member.email(), id).orElseThrow(() -> new NotFoundException("passkey", id));
		passkeys.delete(Bytes.fromBase64(passkey.id()));
		return "redirect:/account?saved=passkey-removed";
	}

	/** Ends every session of hers, on every device, this one included. */
	@PostMapping("/account/sign-out-everywhere")
	String signOutEverywhere(HttpServletRequest request) throws ServletException {
		SignedInMember member = signedIn();
		accounts.record(member.id(), ActivityLog.Kind.SIGNED_OUT_EVERYWHERE, "");
		sessions.endAll(member.email());
		standingAccess.forEach(access -> access.endAll(member.id(), StandingAccess.Why.SIGNED_OUT_EVERYWHERE));
		request.logout();
		return "redirect:/account/sign-in?signedOutEverywhere";
	}

	@GetMapping("/account/password")
	String passwordPage(Model model) {
		signedIn();
		model.addAttribute("errors", Map.of());
		return "accounts/password";
	}

	/** A new password, confirmed by the current one; every other session of hers ends, this one stays. */
	@PostMapping("/account/password")
	String changePassword(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Member member = memberRow();
		var errors = new LinkedHashMap<String, String>();
		accounts.passwords()
			.problem(newPassword == null ? "" : newPassword, member.email())
			.ifPresent(problem -> errors.put("newPassword", problem));
		String refused = reauthenticate(member, currentPassword, request, response, model);
		if (refused != null) {
			errors.put("currentPassword", refused);
		}
		if (!errors.isEmpty()) {
			if (refused == null) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
			}
			model.addAttribute("errors", errors);
			return "accounts/password";
		}
		accounts.changePassword(member, newPassword);
		sessions.endAllBut(member.email(), request.getSession(false) == null ? "" : request.getSession(false).getId());
		return "redirect:/account?saved=password";
	}

	@GetMapping("/account/erase")
	String erasePage(Model model) {
		signedIn();
		model.addAttribute("errors", Map.of());
		return "accounts/erase";
	}

	/** Erasing cannot be undone, so it asks for her password again (within the sign-in limits). */
	@PostMapping("/account/erase")
	String erase(@RequestParam(required = false) String password, HttpServletRequest request,
			HttpServletResponse response, Model model) throws ServletException {
		Member member = memberRow();
		String refused = reauthenticate(member, password, request, response, model);
		if (refused != null) {
			model.addAttribute("errors", Map.of("password", refused));
			return "accounts/erase";
		}
		accounts.erase(member);
		sessions.endAll(member.email());
		request.logout();
		return "redirect:/account/erased";
	}

	@GetMapping("/account/erased")
	String erased() {
		return "accounts/erased";
	}

	private SignedInMember signedIn() {
		// Only members reach these pages (AccountSecurity); one erased in another tab has a session but no row.
		return currentMember.get().orElseThrow(AccountGone::new);
	}

	private Member memberRow() {
		return accounts.member(signedIn().id()).orElseThrow(AccountGone::new);
	}

	/** Her session outlived her account (erased on another device): the session ends, and she can sign in anew. */
	static final class AccountGone extends RuntimeException {

		AccountGone() {
			super("The signed-in account no longer exists", null, false, false);
		}

	}

	@ExceptionHandler(AccountGone.class)
	String accountGone(HttpServletRequest request) throws ServletException {
		request.logout();
		return "redirect:/account/sign-in";
	}

	/**
	 * Asks for her password again before something that cannot be undone, within the sign-in limits. Returns the
	 * message key of the problem (and sets the status; a lock-out also says how many minutes), or null when it is
	 * her.
	 */
	private @Nullable String reauthenticate(Member member, @Nullable String password, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		var confirmed = accounts.confirmPassword(member, password == null ? "" : password, ClientNetwork.of(request));
		if (confirmed instanceof Accounts.SignIn.Success) {
			return null;
		}
		if (confirmed instanceof Accounts.SignIn.Locked locked) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("lockedMinutes", minutes(locked.retryAfter()));
			return "account.erase.locked";
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return password == null || password.isEmpty() ? "account.password.missing" : "account.erase.wrongPassword";
	}

	private static long minutes(java.time.Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}

	private void addCheck(SignedInMember member, Model model) {
		member.check().ifPresent(check -> {
			model.addAttribute("check", check);
			screeningToday(member, check.answers(), null).ifPresent(result -> model.addAttribute("result", result));
		});
	}

	/**
	 * The check's outcome today, read by the safety module from her profile (due date, conditions: a declared TWINS
	 * counts) and the answers. A week from the check she just took is used when her profile has no due date yet.
	 */
	private Optional<ScreeningResult> screeningToday(SignedInMember member,
			Map<ScreeningQuestion, Boolean> answers, @Nullable MultiValueMap<String, String> check) {
		var profile = member.profile();
		var answerText = new LinkedHashMap<String, String>();
		answers.forEach((question, yes) -> answerText.put(question.name(), yes ? PersonInput.YES : PersonInput.NO));
		boolean fromProfile = profile.dueDate() != null || check == null;
		var raw = new PersonInput.Raw(fromProfile ? null : check.getFirst("weeks"),
				fromProfile ? (profile.dueDate() == null ? null : profile.dueDate().toString()) : check.getFirst("dueDate"),
				fromProfile ? null : check.getFirst("asOf"), answerText, Map.of(),
				profile.conditions().stream().map(Enum::name).toList(), List.of(), null, null);
		LocalDate today = LocalDate.now(clock);
		var person = PersonInput.read(raw, today);
		if (!person.valid()) {
			return Optional.empty();
		}
		try {
			return Optional.of(person.orElseThrow().screeningOn(today));
		}
		catch (InvalidInputException outsidePregnancy) {
			return Optional.empty();
		}
	}

	private static void addChoices(Model model) {
		model.addAttribute("areas", PainArea.values());
		model.addAttribute("conditions", Condition.values());
		model.addAttribute("equipment", Equipment.values());
		model.addAttribute("activities", PriorActivity.values());
	}

}
