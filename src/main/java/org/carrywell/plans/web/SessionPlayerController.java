package org.carrywell.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.Exercise;
import org.carrywell.planning.PlanGenerator;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.Symptom;
import org.carrywell.safety.WarningSignResult;
import org.carrywell.safety.WarningSigns;
import org.carrywell.system.NotFoundException;

/**
 * The guided session: a quick check before starting, then the player. The session is one day of a plan (the
 * plan's own address plus {@code day}) or one exercise of the library. The page lists the whole session as
 * text, so it is readable without JavaScript; the player script (static/js/player) turns it into timed steps.
 */
@Controller
class SessionPlayerController {

	static final String VIEW_BEFORE = "plans/session-before";

	static final String VIEW_PLAYER = "plans/session-player";

	/** Texts the player script shows or speaks; the script itself holds no visible text. */
	private static final List<String> PLAYER_TEXTS = List.of("player.ready", "player.rest", "player.set", "player.side.left",
			"player.side.right", "player.rep", "player.breathe.in", "player.breathe.out", "player.breathe.outSlowly", "player.breathe.hold",
			"player.breathe.easy", "player.next", "player.last", "player.pause", "player.resume", "player.done",
			"player.easier.none", "player.announce");

	private final Catalogue catalogue;

	private final Clock clock;

	private final MessageSource messages;

	private final JsonMapper json;

	SessionPlayerController(Catalogue catalogue, Clock clock, MessageSource messages, JsonMapper json) {
		this.catalogue = catalogue;
		this.clock = clock;
		this.messages = messages;
		this.json = json;
	}

	/** One exercise of the library, guided: the same check first, then the player. */
	@GetMapping("/exercises/{id}/play")
	String playExercise(@PathVariable String id, Model model) {
		Exercise exercise = catalogue.find(id).orElseThrow(() -> new NotFoundException("exercise", id));
		var parameters = new LinkedMultiValueMap<String, String>();
		parameters.add("exercise", exercise.id().value());
		return before(parameters, model);
	}

	/** Before starting: pain now, and three quick questions that must not be skipped past. */
	@GetMapping("/session")
	String before(@RequestParam MultiValueMap<String, String> parameters, Model model) {
		Optional<SessionContent> session = session(parameters);
		if (session.isEmpty()) {
			return "redirect:/plan";
		}
		model.addAttribute("playlist", session.get());
		model.addAttribute("inputs", sessionInputs(parameters));
		return VIEW_BEFORE;
	}

	@GetMapping("/session/play")
	String play(@RequestParam MultiValueMap<String, String> parameters, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		Optional<SessionContent> found = session(parameters);
		if (found.isEmpty()) {
			return "redirect:/plan";
		}
		SessionContent session = found.get();
		boolean answered = List.of("bleeding", "contractions", "faint")
			.stream()
			.allMatch(question -> "yes".equals(parameters.getFirst(question)) || "no".equals(parameters.getFirst(question)));
		if (!answered) {
			response.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST.value());
			model.addAttribute("playlist", session);
			model.addAttribute("inputs", sessionInputs(parameters));
			model.addAttribute("unanswered", true);
			return VIEW_BEFORE;
		}
		var symptoms = new ArrayList<Symptom>();
		if ("yes".equals(parameters.getFirst("bleeding"))) {
			symptoms.add(Symptom.VAGINAL_BLEEDING);
			symptoms.add(Symptom.FLUID_LEAKING);
		}
		if ("yes".equals(parameters.getFirst("contractions"))) {
			symptoms.add(Symptom.REGULAR_PAINFUL_CONTRACTIONS);
		}
		if ("yes".equals(parameters.getFirst("faint"))) {
			// "Chest pain, dizziness or feeling faint" is one question: the most urgent reading counts.
			symptoms.add(Symptom.CHEST_PAIN);
			symptoms.add(Symptom.DIZZINESS);
		}
		WarningSignResult check = WarningSigns.assess(symptoms, session.age());
		if (check.stopsExercise()) {
			var target = UriComponentsBuilder.fromPath("/warning-signs/result");
			symptoms.forEach(symptom -> target.queryParam("symptom", symptom.name()));
			target.queryParam("weeks", session.age().weeks());
			return "redirect:" + target.build().toUriString();
		}
		model.addAttribute("playlist", session);
		model.addAttribute("painBefore", painBefore(parameters.getFirst("painBefore")));
		model.addAttribute("data", data(session, parameters));
		model.addAttribute("figures", figures(session));
		model.addAttribute("speedy", parameters.containsKey("speed"));
		return VIEW_PLAYER;
	}

	/** The items of the session, from a plan's address plus its day, or from one exercise. */
	private Optional<SessionContent> session(MultiValueMap<String, String> parameters) {
		LocalDate today = LocalDate.now(clock);
		String exerciseId = parameters.getFirst("exercise");
		if (exerciseId != null) {
			Optional<Exercise> exercise = catalogue.find(exerciseId);
			GestationalAge age = weeks(parameters.getFirst("weeks"));
			return exercise.map(found -> new SessionContent(List.of(new SessionContent.Entry(found, found.dose())), age,
					"", 0));
		}
		PlanForm form = PlanForm.read(parameters, today);
		Integer day = number(parameters.getFirst("day"));
		if (!form.isValid() || day == null) {
			return Optional.empty();
		}
		WeeklyPlan plan = PlanGenerator.generate(catalogue, form.toRequest());
		return plan.sessions()
			.stream()
			.filter(session -> session.day() == day)
			.findFirst()
			.map(session -> new SessionContent(
					session.items().stream().map(item -> new SessionContent.Entry(item.exercise(), item.dose())).toList(),
					plan.age(), planQuery(parameters), day));
	}

	/** What the player script needs: the items with their texts and doses, easier variants, and its words. */
	private String data(SessionContent session, MultiValueMap<String, String> parameters) {
		var locale = LocaleContextHolder.getLocale();
		var items = session.entries().stream().map(entry -> item(entry.exercise(), entry.dose())).toList();
		var texts = new LinkedHashMap<String, String>();
		PLAYER_TEXTS.forEach(key -> texts.put(key.substring("player.".length()), messages.getMessage(key, null, locale)));
		var data = new LinkedHashMap<String, Object>();
		data.put("items", items);
		data.put("texts", texts);
		data.put("weeks", session.age().weeks());
		data.put("speed", speed(parameters.getFirst("speed")));
		data.put("painBefore", painBefore(parameters.getFirst("painBefore")));
		data.put("planQuery", session.planQuery());
		data.put("day", session.day());
		// No "<" in the JSON: it sits inside a script element, where "</script>" would end it early.
		return json.writeValueAsString(data).replace("<", "\\u003c");
	}

	/** Every exercise the player may show: the session's, and the easier variants it can switch to. */
	private List<Exercise> figures(SessionContent session) {
		var figures = new LinkedHashMap<String, Exercise>();
		for (SessionContent.Entry entry : session.entries()) {
			figures.putIfAbsent(entry.exercise().id().value(), entry.exercise());
			entry.exercise()
				.easierVariant()
				.flatMap(catalogue::find)
				.ifPresent(easier -> figures.putIfAbsent(easier.id().value(), easier));
		}
		return List.copyOf(figures.values());
	}

	private Map<String, Object> item(Exercise exercise, Dose dose) {
		var item = new LinkedHashMap<String, Object>();
		item.put("id", exercise.id().value());
		item.put("name", exercise.name());
		item.put("steps", exercise.steps());
		item.put("formCue", exercise.formCues().isEmpty() ? "" : exercise.formCues().get(0));
		item.put("dose", dose);
		exercise.easierVariant()
			.flatMap(catalogue::find)
			.ifPresent(easier -> item.put("easier", item(easier, easier.dose())));
		return item;
	}

	private static MultiValueMap<String, String> sessionInputs(MultiValueMap<String, String> parameters) {
		var inputs = new LinkedMultiValueMap<>(parameters);
		List.of("painBefore", "bleeding", "contractions", "faint").forEach(inputs::remove);
		return inputs;
	}

	private static String planQuery(MultiValueMap<String, String> parameters) {
		var plan = new LinkedMultiValueMap<>(sessionInputs(parameters));
		plan.remove("day");
		plan.remove("speed");
		String query = UriComponentsBuilder.newInstance().queryParams(plan).build().encode().getQuery();
		return query == null ? "" : query;
	}

	private static GestationalAge weeks(@Nullable String weeks) {
		Integer number = number(weeks);
		// Without her week, the quick check reads contractions as preterm: the cautious reading.
		return number != null && number >= 0 && number <= GestationalAge.MAX_WEEKS ? GestationalAge.ofWeeks(number)
				: GestationalAge.ofWeeks(0);
	}

	private static int painBefore(@Nullable String value) {
		Integer pain = number(value);
		return pain == null ? 0 : Math.max(0, Math.min(10, pain));
	}

	/** Only tests speed the clock up; it is capped so that a shared link cannot make a session meaningless. */
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

	/** The exercises of one session, with the dose the plan gave each. */
	public record SessionContent(List<Entry> entries, GestationalAge age, String planQuery, int day) {

		public record Entry(Exercise exercise, Dose dose) {
		}

		public int totalSeconds() {
			return entries.stream().mapToInt(entry -> entry.dose().durationSeconds()).sum();
		}

	}

}
