package org.carrywell.accounts.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.carrywell.accounts.CheckRecord;
import org.carrywell.accounts.CurrentMember;
import org.carrywell.accounts.Profile;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.accounts.internal.Accounts;
import org.carrywell.catalogue.PainArea;
import org.carrywell.safety.PersonInput;
import org.carrywell.safety.ScreeningQuestion;
import org.carrywell.system.ClientNetwork;
import org.carrywell.system.InvalidParameter;
import org.carrywell.system.InvalidParametersException;
import org.carrywell.system.NotFoundException;
import org.carrywell.system.SecurityConfiguration;

/**
 * The members' JSON API: her account, profile and check, her export, and erasure. Authenticated by the session
 * cookie, so every write carries the CSRF token (header {@code X-XSRF-TOKEN}; {@code GET /api/v1/me} answers with
 * the current one in the same header).
 */
@RestController
@RequestMapping(path = SecurityConfiguration.MEMBER_API, produces = "application/json")
@Tag(name = "Me", description = "A signed-in member's own data (session cookie; CSRF token on writes)")
class MemberApiController {

	record ProfileBody(@Nullable LocalDate dueDate, @Nullable List<String> conditions, @Nullable String priorActivity,
			@Nullable List<String> equipment, @Nullable Boolean floor, @Nullable Map<String, Integer> pain,
			@Nullable Integer minutes, @Nullable Integer sessionsPerWeek) {
	}

	record CheckBody(@Nullable Map<String, String> answers) {
	}

	record EraseBody(@Nullable String password) {
	}

	record Me(String email, Profile profile, @Nullable CheckRecord check) {
	}

	private final Accounts accounts;

	private final CurrentMember currentMember;

	private final MemberSessions sessions;

	private final Clock clock;

	private final MessageSource messages;

	MemberApiController(Accounts accounts, CurrentMember currentMember,
			MemberSessions sessions, MessageSource messages, Clock clock) {
		this.messages = messages;
		this.accounts = accounts;
		this.currentMember = currentMember;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Her account, profile and check",
			description = "The response header X-XSRF-TOKEN carries the token to send with every write.")
	ResponseEntity<Me> me(HttpServletRequest request) {
		SignedInMember member = signedIn();
		var response = ResponseEntity.ok();
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			response.header("X-XSRF-TOKEN", token.getToken());
		}
		return response.header("Cache-Control", "no-store")
			.body(new Me(member.email(), member.profile(), member.check().orElse(null)));
	}

	@PutMapping(path = "/profile", consumes = "application/json")
	@Operation(summary = "Replace her profile", description = "The same rules as the profile page: a due date "
			+ "in range, pain 0-10 by area id, known condition, equipment and activity ids; 400 names each problem.")
	Profile saveProfile(@RequestBody ProfileBody body) {
		SignedInMember member = signedIn();
		var parameters = new LinkedMultiValueMap<String, String>();
		if (body.dueDate() != null) {
			parameters.add("dueDate", body.dueDate().toString());
		}
		listOrEmpty(body.conditions()).forEach(value -> parameters.add("condition", value));
		listOrEmpty(body.equipment()).forEach(value -> parameters.add("equipment", value));
		if (body.priorActivity() != null) {
			parameters.add("activity", body.priorActivity());
		}
		if (body.floor() != null) {
			parameters.add("floor", body.floor() ? "yes" : "no");
		}
		var unknownAreas = new ArrayList<InvalidParameter>();
		if (body.pain() != null) {
			body.pain().forEach((area, value) -> {
				if (java.util.Arrays.stream(PainArea.values()).noneMatch(known -> known.name().equals(area))) {
					unknownAreas.add(new InvalidParameter("pain." + area, String.valueOf(value), "is not a pain area",
							java.util.Arrays.stream(PainArea.values()).map(Enum::name).toList()));
				}
				parameters.add("pain." + area, String.valueOf(value));
			});
		}
		if (!unknownAreas.isEmpty()) {
			throw new InvalidParametersException(unknownAreas);
		}
		if (body.minutes() != null) {
			parameters.add("minutes", String.valueOf(body.minutes()));
		}
		if (body.sessionsPerWeek() != null) {
			parameters.add("sessions", String.valueOf(body.sessionsPerWeek()));
		}
		var form = ProfileForm.read(parameters, LocalDate.now(clock));
		if (form.profile() == null) {
			var problems = new ArrayList<InvalidParameter>();
			// The same words as the profile page, in English like the rest of the API.
			form.errors().forEach((field, code) -> problems.add(new InvalidParameter(apiName(field),
					String.valueOf(parameters.getFirst(field)), messages.getMessage(code, null, code, Locale.ENGLISH),
					List.of())));
			throw new InvalidParametersException(problems);
		}
		accounts.saveProfile(member.id(), form.profile());
		return form.profile();
	}

	@PutMapping(path = "/check", consumes = "application/json")
	@Operation(summary = "Keep her check", description = "Answers by question id, \"yes\" or \"no\". The outcome "
			+ "is the engine's for her week today (from her profile's due date, which must be set first).")
	CheckRecord saveCheck(@RequestBody CheckBody body) {
		SignedInMember member = signedIn();
		if (member.profile().dueDate() == null) {
			throw new InvalidParametersException(List.of(new InvalidParameter("dueDate", "",
					"set the due date in the profile first", List.of())));
		}
		Map<String, String> given = body.answers() == null ? Map.of() : body.answers();
		var raw = new PersonInput.Raw(null, member.profile().dueDate().toString(), null, given, Map.of(),
				member.profile().conditions().stream().map(Enum::name).toList(), List.of(), null, null);
		LocalDate today = LocalDate.now(clock);
		PersonInput.Result read = PersonInput.read(raw, today);
		if (!read.valid() || given.isEmpty()) {
			var problems = new ArrayList<InvalidParameter>();
			read.problems().forEach(problem -> problems.add(new InvalidParameter("answers." + problem.key(),
					problem.rejected(), problem.code(), List.of(PersonInput.YES, PersonInput.NO))));
			if (problems.isEmpty()) {
				problems.add(new InvalidParameter("answers", "", "no answers given", List.of()));
			}
			throw new InvalidParametersException(problems);
		}
		var answers = new EnumMap<ScreeningQuestion, Boolean>(read.orElseThrow().answers());
		accounts.saveCheck(member.id(), answers, read.orElseThrow().screeningOn(today).outcome());
		return accounts.check(member.id()).orElseThrow();
	}

	@GetMapping("/export")
	@Operation(summary = "Everything about her, as JSON", description = "The same tables as the zip download.")
	ResponseEntity<Map<String, Object>> export() {
		var member = accounts.member(signedIn().id()).orElseThrow(() -> new NotFoundException("member", ""));
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.body(new LinkedHashMap<>(MemberExport.document(accounts.export(member), clock.instant())));
	}

	@DeleteMapping(consumes = "application/json")
	@Operation(summary = "Erase her account and everything about her",
			description = "Confirmed by her password in the body. Her newsletter subscription is separate.")
	ResponseEntity<Void> erase(@RequestBody EraseBody body, HttpServletRequest request) throws ServletException {
		var member = accounts.member(signedIn().id()).orElseThrow(() -> new NotFoundException("member", ""));
		var confirmed = accounts.confirmPassword(member, body.password() == null ? "" : body.password(),
				ClientNetwork.of(request));
		if (confirmed instanceof Accounts.SignIn.Locked locked) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", String.valueOf(Math.max(1, locked.retryAfter().toSeconds())))
				.build();
		}
		if (!(confirmed instanceof Accounts.SignIn.Success)) {
			throw new InvalidParametersException(List.of(new InvalidParameter("password", "",
					"is not this account's password", List.of())));
		}
		accounts.erase(member);
		sessions.endAll(member.email());
		request.logout();
		return ResponseEntity.noContent().build();
	}

	private SignedInMember signedIn() {
		return currentMember.get().orElseThrow(() -> new NotFoundException("member", ""));
	}

	private static String apiName(String field) {
		return switch (field) {
			case "condition" -> "conditions";
			case "activity" -> "priorActivity";
			case "sessions" -> "sessionsPerWeek";
			default -> field;
		};
	}

	private static List<String> listOrEmpty(@Nullable List<String> values) {
		return values == null ? List.of() : values;
	}

}
