package org.carrywell.plans.web;

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
import org.carrywell.safety.Screening;
import org.carrywell.safety.ScreeningOutcome;

/**
 * The plan's inputs as they arrive in its address: the screening answers and the week (as the check sends
 * them), then pain per area ({@code pain.LOWER_BACK=6}), conditions, minutes, sessions, equipment and floor.
 * Reading never throws: each problem becomes a message key for its field.
 */
public record PlanForm(ScreeningForm screening, Map<PainArea, Integer> pain, Set<Condition> conditions, int minutes,
		int sessions, Set<Equipment> equipment, boolean floorOk, Map<String, String> errors) {

	static final int DEFAULT_MINUTES = 15;

	static final int DEFAULT_SESSIONS = 3;

	static final String PAIN_PREFIX = "pain.";

	static PlanForm read(MultiValueMap<String, String> parameters, LocalDate today) {
		var errors = new LinkedHashMap<String, String>();
		ScreeningForm screening = ScreeningForm.read(parameters, today);
		var pain = new EnumMap<PainArea, Integer>(PainArea.class);
		for (PainArea area : PainArea.values()) {
			String value = first(parameters, PAIN_PREFIX + area.name());
			if (!value.isEmpty()) {
				Integer intensity = number(value);
				if (intensity == null || intensity < 0 || intensity > 10) {
					errors.put(PAIN_PREFIX + area.name(), "plan.error.pain");
				}
				else {
					pain.put(area, intensity);
				}
			}
		}
		var conditions = values(parameters, "condition", Condition.class, errors);
		var equipment = values(parameters, "equipment", Equipment.class, errors);
		int minutes = bounded(parameters, "minutes", DEFAULT_MINUTES, PlanRequest.MIN_MINUTES, PlanRequest.MAX_MINUTES, errors);
		int sessions = bounded(parameters, "sessions", DEFAULT_SESSIONS, 1, PlanRequest.MAX_SESSIONS, errors);
		boolean floorOk = !"no".equals(first(parameters, "floor"));
		return new PlanForm(screening, pain, conditions, minutes, sessions, equipment, floorOk, errors);
	}

	static PlanForm empty(ScreeningForm screening) {
		return new PlanForm(screening, Map.of(), Set.of(), DEFAULT_MINUTES, DEFAULT_SESSIONS, Set.of(), true, Map.of());
	}

	PlanForm withoutErrors() {
		return new PlanForm(screening.withoutErrors(), pain, conditions, minutes, sessions, equipment, floorOk, Map.of());
	}

	/** The check must come first: a plan needs her answers (all may be "no") and her week. */
	public boolean hasScreening() {
		return !screening.answers().isEmpty() || screening.age() != null;
	}

	public boolean isValid() {
		return errors.isEmpty() && screening.isValid();
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

	ScreeningOutcome outcome() {
		return Screening.assess(screening.answers(), screening.age()).outcome();
	}

	PlanRequest toRequest() {
		return new PlanRequest(screening.age(), outcome(), pain, conditions, minutes, sessions, equipment, floorOk, Set.of(),
				Set.of(), null);
	}

	private static <E extends Enum<E>> Set<E> values(MultiValueMap<String, String> parameters, String name, Class<E> type,
			Map<String, String> errors) {
		var set = EnumSet.noneOf(type);
		for (String value : parameters.getOrDefault(name, List.of())) {
			try {
				set.add(Enum.valueOf(type, value));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				errors.put(name, "plan.error.unknown");
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
		Integer number = number(value);
		if (number == null || number < min || number > max) {
			errors.put(name, "plan.error." + name);
			return fallback;
		}
		return number;
	}

	private static @Nullable Integer number(String value) {
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String first(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.getOrDefault(name, List.of());
		return values.isEmpty() || values.get(0) == null ? "" : values.get(0).trim();
	}

}
