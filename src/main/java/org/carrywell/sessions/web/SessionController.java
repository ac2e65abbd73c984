package org.carrywell.sessions.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

import org.carrywell.catalogue.Catalogue;

import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.Exercise;
import org.carrywell.plans.PlanForm;
import org.carrywell.safety.Condition;
import org.carrywell.safety.PreSessionCheck;
import org.carrywell.safety.PreSessionQuestion;
import org.carrywell.safety.Person;
import org.carrywell.safety.Pregnancy;
import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.system.NotFoundException;
import org.carrywell.system.OfflineCopies;

/**
 * The guided session: the check before it, then the player. A session is one day of a plan (the plan's own
 * address plus {@code day}) or one exercise of the library (its id plus her context, which the setup page asks
 * for). Every way in goes through {@link Sessions}, which asks the safety engine for her context on the day the
 * session is done. The page lists the whole session as text, so it is readable without JavaScript; the player
 * script (static/js/player) turns it into timed steps.
 */
@Controller
class SessionController {

	static final String VIEW_SETUP = "sessions/session-setup";

	static final String VIEW_BEFORE = "sessions/session-before";

	static final String VIEW_PLAYER = "sessions/session-player";

	static final String VIEW_NOT_FOR_HER = "sessions/session-not-for-her";

	/** Parameters of the check before a session: one per question, prefixed so they never clash with the plan's. */
	static final String QUESTION_PREFIX = "before.";

	/** Set by the continue link of the warning-sign check, which she has just answered instead of the questions. */
	static final String WARNING_CHECK_DONE = "warningCheck";

	static final String SPOKE_TO_PROVIDER = "spokeToProvider";

	/** The closing of the gate her confirmation answers (the gate cookie's own token). */
	static final String GATE = "gate";

	/** The signed time the questions before a session were asked: answers older than half an hour don't count. */
	static final String ASKED = "asked";


	/** Texts the player script shows or speaks; the script itself holds no visible text. */
	private static final List<String> PLAYER_TEXTS = List.of("player.ready", "player.rest", "player.set", "player.side.left",
			"player.side.right", "player.rep", "player.breathe.in", "player.breathe.out", "player.breathe.outSlowly", "player.breathe.hold",
			"player.breathe.easy", "player.next", "player.last", "player.pause", "player.resume", "player.done",
			"player.easier.none", "player.announce", "player.stopIf");

	private final Sessions sessions;

	private final Catalogue catalogue;

	private final Clock clock;

	private final MessageSource messages;

	private final JsonMapper json;

	private final ProviderContactGate gate;

	private final SessionTokens tokens;

	private final boolean testSpeedAllowed;

	private final OfflineRules offlineRules;

	SessionController(Sessions sessions, Catalogue catalogue, Clock clock, MessageSource messages, JsonMapper json,
			ProviderContactGate gate, SessionTokens tokens, OfflineRules offlineRules,
			@Value("${carrywell.sessions.test-speed:false}") boolean testSpeedAllowed) {
		this.offlineRules = offlineRules;
		this.sessions = sessions;
		this.catalogue = catalogue;
		this.clock = clock;
		this.messages = messages;
		this.json = json;
		this.gate = gate;
		this.tokens = tokens;
		this.testSpeedAllowed = testSpeedAllowed;
	}

	/** One exercise of the library, guided: through the same way in as every session. */
	@GetMapping("/exercises/{id}/play")
	String playExercise(@PathVariable String id) {
		Exercise exercise = catalogue.find(id).orElseThrow(() -> new NotFoundException("exercise", id));
		return "redirect:" + UriComponentsBuilder.fromPath("/session")
			.queryParam("exercise", exercise.id().value())
			.build()
			.toUriString();
	}

	/** Before starting: pain now, and the questions that must not be skipped past. */
	@GetMapping("/session")
	String before(@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Resolved resolved = resolve("/session", parameters, model, response);
		if (resolved.session() == null) {
			return resolved.view();
		}
		return showBefore(resolved.session(), parameters, model, request, response, Problem.NONE);
	}

	@GetMapping("/session/play")
	String play(@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Resolved resolved = resolve("/session/play", parameters, model, response);
		if (resolved.session() == null) {
			return resolved.view();
		}
		SessionContent session = resolved.session();
		var closing = gate.closing(request, response);
		boolean confirmed = closing.isPresent() && "yes".equals(parameters.getFirst(SPOKE_TO_PROVIDER))
				&& closing.get().equals(parameters.getFirst(GATE));
		if (closing.isPresent() && !confirmed) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return showBefore(session, parameters, model, request, response, Problem.GATE_UNCONFIRMED);
		}
		int painBefore = painBefore(parameters.getFirst("painBefore"));
		boolean warningChecked = tokens.verify(SessionTokens.Purpose.WARNING_CHECK, parameters.getFirst(WARNING_CHECK_DONE))
			.isPresent();
		if (!warningChecked) {
			if (tokens.verify(SessionTokens.Purpose.PRE_SESSION_CHECK, parameters.getFirst(ASKED)).isEmpty()) {
				// An address from her history, or from someone else: today's answers are needed, not those.
				return showBefore(session, parameters, model, request, response, Problem.STALE);
			}
			PreSessionCheck.Result check = PreSessionCheck.assess(answers(parameters), painBefore);
			switch (check.outcome()) {
				case UNANSWERED -> {
					response.setStatus(HttpStatus.BAD_REQUEST.value());
					return showBefore(session, parameters, model, request, response, Problem.UNANSWERED);
				}
				case CHECK_WARNING_SIGNS -> {
					if (confirmed) {
						// She has spoken to her provider since the last urgent sign; what she ticks now decides (an
						// urgent result closes the gate again). Left closed, the check would send her back to confirm
						// again, and again.
						gate.open(request, response);
					}
					var target = UriComponentsBuilder.fromPath("/warning-signs");
					check.offered().forEach(symptom -> target.queryParam("offer", symptom.name()));
					target.queryParam("weeks", session.earliestAge().weeks());
					target.queryParam("return", returnQuery(parameters, painBefore));
					return "redirect:" + target.encode().build().toUriString();
				}
				case START -> {
					// Nothing to report: the session starts.
				}
			}
		}
		if (confirmed) {
			gate.open(request, response);
		}
		if (painBefore >= PreSessionCheck.PAIN_BEFORE_OFFERS_CHECK) {
			session = sessions.easiest(session);
		}
		model.addAttribute("playlist", session);
		model.addAttribute("painBefore", painBefore);
		model.addAttribute("data", data(session, parameters, painBefore, null));
		model.addAttribute("figures", figures(session));
		model.addAttribute("speedy", testSpeedAllowed && parameters.containsKey("speed"));
		return VIEW_PLAYER;
	}

	/**
	 * A session's copy for her device, to play with no network (docs/offline.md): found and judged by the engine
	 * exactly as online, for today, with the check before it and the gate after a warning sign worked on the
	 * device from the engine's rule table (js/player/before.js), the easiest version for strong pain, and the day
	 * it stops being valid. The plan page asks the service worker to keep one for each session of the week; the
	 * service worker shows it for the session's own address when the network fails. A redirect, a setup page or
	 * a refusal is never kept (only this answer carries the header that allows it).
	 */
	@GetMapping("/session/offline")
	String offline(@RequestParam MultiValueMap<String, String> parameters, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Resolved resolved = resolve("/session/offline", parameters, model, response);
		if (resolved.session() == null) {
			return resolved.view();
		}
		SessionContent session = resolved.session();
		SessionContent easiest = sessions.easiest(session);
		var offline = new LinkedHashMap<String, Object>();
		LocalDate validUntil = validUntil(parameters, today());
		offline.put("validUntil", validUntil.toString());
		offline.put("sessionQuery", PlanForm.query(sessionInputs(parameters)));
		offline.put("easiest", easiest.entries().stream().map(entry -> item(entry, easiest)).toList());
		var figures = new LinkedHashMap<String, Exercise>();
		figures(session).forEach(exercise -> figures.put(exercise.id().value(), exercise));
		figures(easiest).forEach(exercise -> figures.putIfAbsent(exercise.id().value(), exercise));
		model.addAttribute("playlist", session);
		model.addAttribute("painBefore", 0);
		model.addAttribute("data", data(session, parameters, 0, offline));
		model.addAttribute("figures", List.copyOf(figures.values()));
		model.addAttribute("offline", true);
		model.addAttribute("rules", offlineRules.table());
		model.addAttribute("questions", PreSessionQuestion.values());
		model.addAttribute("questionPrefix", QUESTION_PREFIX);
		model.addAttribute("answers", Map.of());
		model.addAttribute("clearanceNeeded", session.screening() == ScreeningOutcome.CLEARANCE_NEEDED
				&& sessions.providerClearance(session).isEmpty());
		OfflineCopies.keep(response, validUntil);
		return VIEW_PLAYER;
	}

	/**
	 * The last day an offline copy made today may be played: a week of sessions at most, and never a day on which a
	 * rule or an outcome has changed for her ({@link Pregnancy#sameRulesUntil}).
	 */
	static LocalDate validUntil(MultiValueMap<String, String> parameters, LocalDate today) {
		Person person = PlanForm.read(parameters, today).person();
		return person == null ? today : person.pregnancy().sameRulesUntil(today, OfflineCopies.MOST_DAYS);
	}

	/** A session that may go ahead, or else the view to show instead. */
	private record Resolved(String view, @Nullable SessionContent session) {
	}

	/** The session an address asks for, dated first and judged by the engine (through {@link Sessions}). */
	private Resolved resolve(String path, MultiValueMap<String, String> parameters, Model model,
			HttpServletResponse response) {
		LocalDate today = today();
		var dated = PlanForm.datedAddress(path, parameters, today);
		if (dated.isPresent()) {
			return new Resolved("redirect:" + dated.get(), null);
		}
		Sessions.Found found = sessions.find(parameters, today);
		String other = show(found, model, response);
		return other != null ? new Resolved(other, null) : new Resolved("", found.session());
	}

	/** The page for anything but a session that may go ahead; null when it may. */
	private @Nullable String show(Sessions.Found found, Model model, HttpServletResponse response) {
		switch (found.kind()) {
			case REDIRECT -> {
				return "redirect:" + found.redirect();
			}
			case SETUP -> {
				if (found.setup().hasErrors()) {
					response.setStatus(HttpStatus.BAD_REQUEST.value());
				}
				model.addAttribute("setup", found.setup());
				model.addAttribute("exercise", found.setup().exercise());
				model.addAttribute("conditions", Condition.values());
				model.addAttribute("equipment", Equipment.values());
				return VIEW_SETUP;
			}
			case NOT_FOR_HER -> {
				model.addAttribute("refusal", found.refusal());
				return VIEW_NOT_FOR_HER;
			}
			case SESSION -> {
				return null;
			}
		}
		throw new IllegalStateException("Unknown kind " + found.kind());
	}

	/** Why the page before a session is shown again. */
	enum Problem {

		NONE, UNANSWERED, GATE_UNCONFIRMED, STALE

	}

	private String showBefore(SessionContent session, MultiValueMap<String, String> parameters, Model model,
			HttpServletRequest request, HttpServletResponse response, Problem problem) {
		model.addAttribute("playlist", session);
		model.addAttribute("inputs", sessionInputs(parameters));
		model.addAttribute("questions", PreSessionQuestion.values());
		model.addAttribute("questionPrefix", QUESTION_PREFIX);
		model.addAttribute("answers", problem == Problem.STALE ? Map.of() : answerTexts(parameters));
		model.addAttribute("asked", tokens.issue(SessionTokens.Purpose.PRE_SESSION_CHECK));
		model.addAttribute("gateClosing", gate.closing(request, response).orElse(null));
		model.addAttribute("problem", problem.name());
		model.addAttribute("clearanceNeeded", session.screening() == ScreeningOutcome.CLEARANCE_NEEDED
				&& sessions.providerClearance(session).isEmpty());
		return VIEW_BEFORE;
	}

	/** What the player script needs: the items with their texts, doses and cautions, easier variants, its words. */
	private String data(SessionContent session, MultiValueMap<String, String> parameters, int painBefore,
			@Nullable Map<String, Object> offline) {
		var locale = LocaleContextHolder.getLocale();
		var items = session.entries().stream().map(entry -> item(entry, session)).toList();
		var texts = new LinkedHashMap<String, String>();
		PLAYER_TEXTS.forEach(key -> texts.put(key.substring("player.".length()), messages.getMessage(key, null, locale)));
		var data = new LinkedHashMap<String, Object>();
		data.put("items", items);
		data.put("texts", texts);
		data.put("weeks", session.earliestAge().weeks());
		data.put("speed", testSpeedAllowed ? speed(parameters.getFirst("speed")) : 1);
		data.put("painBefore", painBefore);
		data.put("painRiseOffersCheck", PreSessionCheck.PAIN_RISE_OFFERS_CHECK);
		data.put("painOffersCheck", PreSessionCheck.PAIN_BEFORE_OFFERS_CHECK);
		data.put("planQuery", session.planQuery());
		data.put("day", session.day());
		if (offline != null) {
			data.put("offline", offline);
		}
		// No "<" in the JSON: it sits inside a script element, where "</script>" would end it early.
		return json.writeValueAsString(data).replace("<", "\\u003c");
	}

	/** Every exercise the player may show: the session's, and the easier variants it can switch to. */
	private List<Exercise> figures(SessionContent session) {
		var figures = new LinkedHashMap<String, Exercise>();
		for (SessionContent.Entry entry : session.entries()) {
			figures.putIfAbsent(entry.exercise().id().value(), entry.exercise());
			SessionContent.Entry easier = entry.easier();
			while (easier != null) {
				figures.putIfAbsent(easier.exercise().id().value(), easier.exercise());
				easier = easier.easier();
			}
		}
		return List.copyOf(figures.values());
	}

	private Map<String, Object> item(SessionContent.Entry entry, SessionContent session) {
		var locale = LocaleContextHolder.getLocale();
		Exercise exercise = entry.exercise();
		var item = new LinkedHashMap<String, Object>();
		item.put("id", exercise.id().value());
		item.put("name", exercise.name());
		item.put("steps", exercise.steps());
		item.put("formCue", exercise.formCues().isEmpty() ? "" : exercise.formCues().get(0));
		item.put("dose", entry.dose());
		item.put("note", entry.trimesterNote(session.age()));
		item.put("cautions", entry.cautions().stream().map(hit -> messages.getMessage("rule." + hit.ruleId(), null, locale))
			.toList());
		item.put("stopIf", exercise.stopIf());
		if (entry.easier() != null) {
			item.put("easier", item(entry.easier(), session));
		}
		return item;
	}

	/** The session's own address, without the answers to the check before it or anything that vouches for them. */
	static MultiValueMap<String, String> sessionInputs(MultiValueMap<String, String> parameters) {
		var inputs = new LinkedMultiValueMap<>(parameters);
		inputs.keySet().removeIf(name -> name.startsWith(QUESTION_PREFIX));
		List.of("painBefore", WARNING_CHECK_DONE, SPOKE_TO_PROVIDER, GATE, ASKED).forEach(inputs::remove);
		return inputs;
	}

	/** Where the warning-sign check sends her back to, when it does not stop the session. */
	private static String returnQuery(MultiValueMap<String, String> parameters, int painBefore) {
		var back = sessionInputs(parameters);
		back.add("painBefore", String.valueOf(painBefore));
		return PlanForm.query(back);
	}

	private static Map<PreSessionQuestion, Boolean> answers(MultiValueMap<String, String> parameters) {
		var answers = new EnumMap<PreSessionQuestion, Boolean>(PreSessionQuestion.class);
		for (PreSessionQuestion question : PreSessionQuestion.values()) {
			List<String> values = parameters.getOrDefault(QUESTION_PREFIX + question.name(), List.of());
			// Sent twice with different answers, a yes counts: the cautious reading.
			if (values.contains("yes")) {
				answers.put(question, true);
			}
			else if (values.contains("no")) {
				answers.put(question, false);
			}
		}
		return answers;
	}

	/** The answers as the radio buttons show them again, after a question was missed. */
	private static Map<String, String> answerTexts(MultiValueMap<String, String> parameters) {
		var texts = new LinkedHashMap<String, String>();
		answers(parameters).forEach((question, yes) -> texts.put(question.name(), yes ? "yes" : "no"));
		return texts;
	}

	private static int painBefore(@Nullable String value) {
		Integer pain = number(value);
		return pain == null ? 0 : Math.max(0, Math.min(10, pain));
	}

	/** Only tests speed the clock up, and only where the property allows it; it is capped. */
	private static int speed(@Nullable String value) {
		Integer speed = number(value);
		return speed == null ? 1 : Math.max(1, Math.min(60, speed));
	}

	private static @Nullable Integer number(@Nullable String value) {
		try {
			return value == null ? null : Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
