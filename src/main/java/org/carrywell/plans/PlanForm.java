package org.carrywell.plans;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;
import org.carrywell.planning.PlanRequest;
import org.carrywell.safety.Condition;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.Person;
import org.carrywell.safety.PersonInput;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningQuestion;

/**
 * A plan's address, read: the screening answers and the week (with the day it was given on, {@code asOf}) as the
 * check sends them, then pain per area ({@code pain.LOWER_BACK=6}), conditions, how active she was, minutes,
 * sessions, equipment and the floor. Her context is read by {@link PersonInput}, the one place every way in
 * shares; this class only names the form's fields. Reading never throws: each problem becomes a message key for
 * its field. The plan, the session player and the calendar all read a plan's address through here.
 *
 * @param floor "yes", "no", or "" when she has not said (the cautious reading: no)
 * @param person her context, when everything in it is valid
 */
public record PlanForm(ScreeningForm screening, Map<PainArea, Integer> pain, Set<Condition> conditions,
		@Nullable PriorActivity activity, int minutes, int sessions, Set<Equipment> equipment, String floor,
		Map<String, String> errors, @Nullable Person person) {

	public static final int DEFAULT_MINUTES = 15;

	public static final int DEFAULT_SESSIONS = 3;

	public static final String PAIN_PREFIX = "pain.";

	/** Parameters of the address that belong to the week and the check. */
	public static final List<String> WEEK_FIELDS = List.of("weeks", "dueDate", "asOf");

	public static PlanForm read(MultiValueMap<String, String> parameters, LocalDate today) {
		var answers = new LinkedHashMap<String, String>();
		parameters.forEach((name, values) -> {
			if (isScreeningField(name)) {
				// Sent twice with different answers, a yes counts: the cautious reading.
				answers.put(name, values.contains(PersonInput.YES) ? PersonInput.YES
						: values.isEmpty() || values.get(0) == null ? "" : values.get(0));
			}
		});
		var pain = new LinkedHashMap<String, String>();
		for (PainArea area : PainArea.values()) {
			String value = first(parameters, PAIN_PREFIX + area.name());
			if (!value.isEmpty()) {
				pain.put(area.name(), value);
			}
		}
		var raw = new PersonInput.Raw(first(parameters, "weeks"), first(parameters, "dueDate"),
				first(parameters, "asOf"), answers, pain, all(parameters, "condition"), all(parameters, "equipment"),
				first(parameters, "floor"), first(parameters, "activity"));
		PersonInput.Result result = PersonInput.read(raw, today);

		var screeningErrors = new LinkedHashMap<String, String>();
		var planErrors = new LinkedHashMap<String, String>();
		for (PersonInput.Problem problem : result.problems()) {
			String key = messageKey(problem);
			switch (problem.field()) {
				case WEEKS, AS_OF -> screeningErrors.put("weeks", key);
				case DUE_DATE -> screeningErrors.put("dueDate", key);
				case ANSWERS -> screeningErrors.put(problem.code().equals("answer.unknown") ? "form" : problem.key(), key);
				case PAIN -> planErrors.put(problem.code().equals("pain.unknown") ? "form" : PAIN_PREFIX + problem.key(), key);
				case CONDITIONS -> planErrors.put("condition", key);
				case EQUIPMENT -> planErrors.put("equipment", key);
				case FLOOR -> planErrors.put("floor", key);
				case PRIOR_ACTIVITY -> planErrors.put("activity", key);
			}
		}
		Person person = result.person();
		GestationalAge age = person == null ? null : person.weekOn(today);
		var screeningAnswers = new EnumMap<ScreeningQuestion, Boolean>(ScreeningQuestion.class);
		for (ScreeningQuestion question : ScreeningQuestion.values()) {
			String value = answers.get(question.name());
			if (PersonInput.YES.equals(value) || PersonInput.NO.equals(value)) {
				screeningAnswers.put(question, PersonInput.YES.equals(value));
			}
		}
		var screening = new ScreeningForm(first(parameters, "weeks"), first(parameters, "dueDate"),
				first(parameters, "asOf"), screeningAnswers, screeningErrors, screeningErrors.isEmpty() ? age : null);

		var painValues = new EnumMap<PainArea, Integer>(PainArea.class);
		pain.forEach((area, value) -> {
			if (!planErrors.containsKey(PAIN_PREFIX + area)) {
				painValues.put(PainArea.valueOf(area), Integer.valueOf(value.trim()));
			}
		});
		var conditions = known(Condition.class, all(parameters, "condition"));
		var equipment = known(Equipment.class, all(parameters, "equipment"));
		PriorActivity activity = known(PriorActivity.class, all(parameters, "activity")).stream().findFirst().orElse(null);
		int minutes = bounded(parameters, "minutes", DEFAULT_MINUTES, PlanRequest.MIN_MINUTES, PlanRequest.MAX_MINUTES,
				planErrors);
		int sessions = bounded(parameters, "sessions", DEFAULT_SESSIONS, 1, PlanRequest.MAX_SESSIONS, planErrors);
		String floor = first(parameters, "floor");
		return new PlanForm(screening, painValues, conditions, activity, minutes, sessions, equipment,
				planErrors.containsKey("floor") ? "" : floor, planErrors, person);
	}

	/**
	 * Rule book v2, the week never freezes: an address that gives a week without the day it was given on gets
	 * today's date added, so that the same address opened next month is about next month's week.
	 *
	 * @return where to redirect, or empty when the address is already dated (or has no week)
	 */
	public static java.util.Optional<String> datedAddress(String path, MultiValueMap<String, String> parameters,
			LocalDate today) {
		if (first(parameters, "weeks").isEmpty() || !first(parameters, "asOf").isEmpty()) {
			return java.util.Optional.empty();
		}
		var dated = new org.springframework.util.LinkedMultiValueMap<>(parameters);
		dated.remove("asOf");
		dated.add("asOf", today.toString());
		return java.util.Optional.of(path + "?" + query(dated));
	}

	/** Parameters as an encoded query string, in their order. */
	public static String query(MultiValueMap<String, String> parameters) {
		String query = org.springframework.web.util.UriComponentsBuilder.newInstance()
			.queryParams(parameters)
			.build()
			.encode()
			.getQuery();
		return query == null ? "" : query;
	}

	/** The message key for a problem, as pages show it. */
	public static String messageKey(PersonInput.Problem problem) {
		return "input.error." + problem.code();
	}

	/** Screening answers travel as their question ids: upper-case names. */
	public static boolean isScreeningField(String name) {
		return name.matches("[A-Z][A-Z_]*");
	}

	public PlanForm withoutErrors() {
		return new PlanForm(screening.withoutErrors(), pain, conditions, activity, minutes, sessions, equipment, floor,
				Map.of(), person);
	}

	/** The check must come first: a plan needs her answers (all may be "no") and her week. */
	public boolean hasScreening() {
		return !screening.answers().isEmpty() || !screening.weeks().isEmpty() || !screening.dueDate().isEmpty();
	}

	public boolean isValid() {
		return errors.isEmpty() && screening.isValid() && person != null;
	}

	public boolean hasError(String field) {
		return errors.containsKey(field) || screening.hasError(field);
	}

	public @Nullable String error(String field) {
		return errors.containsKey(field) ? errors.get(field) : screening.error(field);
	}

	public int painIn(PainArea area) {
		return pain.getOrDefault(area, 0);
	}

	/** The plan for the week she is in on {@code day}; only for a valid form. */
	public PlanRequest toRequest(LocalDate day) {
		if (person == null) {
			throw new IllegalStateException("An invalid plan form has no request");
		}
		return PlanRequest.forPerson(person, day, minutes, sessions, Set.of(), Set.of(), null);
	}

	private static <E extends Enum<E>> Set<E> known(Class<E> type, List<String> values) {
		var set = EnumSet.noneOf(type);
		for (String value : values) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(value)) {
					set.add(constant);
				}
			}
		}
		return set;
	}

	private static int bounded(MultiValueMap<String, String> parameters, String name, int fallback, int min, int max,
			Map<String, String> errors) {
		String value = first(parameters, name);
		if (value.isEmpty()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Named below, like a number out of range.
		}
		errors.put(name, "plan.error." + name);
		return fallback;
	}

	private static List<String> all(MultiValueMap<String, String> parameters, String name) {
		return parameters.getOrDefault(name, List.of()).stream().filter(value -> value != null).toList();
	}

	private static String first(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.getOrDefault(name, List.of());
		return values.isEmpty() || values.get(0) == null ? "" : values.get(0).trim();
	}

}
