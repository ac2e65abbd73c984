package org.carrywell.accounts.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import org.carrywell.accounts.Profile;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;
import org.carrywell.safety.Condition;
import org.carrywell.safety.PersonInput;
import org.carrywell.safety.PriorActivity;

/**
 * Her profile as the form sends it. The due date, pain, conditions, equipment, floor and activity are read by the
 * safety module's {@link PersonInput}, the one reader of a person's context, so the rules (a due date in range, pain
 * 0–10, known ids only) are the plan form's exactly.
 */
public record ProfileForm(String dueDate, Map<PainArea, Integer> pain, Set<Condition> conditions,
		@Nullable PriorActivity activity, Set<Equipment> equipment, String floor, int minutes, int sessions,
		Map<String, String> errors, @Nullable Profile profile) {

	static final int MIN_MINUTES = 5;

	static final int MAX_MINUTES = 45;

	static final int MAX_SESSIONS = 7;

	static ProfileForm of(Profile profile) {
		return new ProfileForm(profile.dueDate() == null ? "" : profile.dueDate().toString(), profile.pain(),
				profile.conditions(), profile.priorActivity(), profile.equipment(),
				profile.floor() == null ? "" : profile.floor() ? "yes" : "no", profile.minutes(),
				profile.sessionsPerWeek(), Map.of(), profile);
	}

	static ProfileForm read(MultiValueMap<String, String> parameters, LocalDate today) {
		var errors = new LinkedHashMap<String, String>();
		String dueDate = first(parameters, "dueDate");
		var painText = new LinkedHashMap<String, String>();
		for (PainArea area : PainArea.values()) {
			String value = first(parameters, "pain." + area.name());
			if (!value.isEmpty()) {
				painText.put(area.name(), value);
			}
		}
		if (dueDate.isEmpty()) {
			errors.put("dueDate", "account.profile.dueDate.missing");
		}
		var raw = new PersonInput.Raw(null, dueDate.isEmpty() ? null : dueDate, null, Map.of(), painText,
				all(parameters, "condition"), all(parameters, "equipment"), blankToNull(first(parameters, "floor")),
				blankToNull(first(parameters, "activity")));
		PersonInput.Result result = PersonInput.read(raw, today);
		for (PersonInput.Problem problem : result.problems()) {
			String key = "input.error." + problem.code();
			switch (problem.field()) {
				case WEEKS, DUE_DATE, AS_OF -> errors.putIfAbsent("dueDate", key);
				case PAIN -> errors.put(problem.code().equals("pain.unknown") ? "form" : "pain." + problem.key(), key);
				case CONDITIONS -> errors.put("condition", key);
				case EQUIPMENT -> errors.put("equipment", key);
				case FLOOR -> errors.put("floor", key);
				case PRIOR_ACTIVITY -> errors.put("activity", key);
				case ANSWERS -> errors.put("form", key);
			}
		}
		int minutes = number(parameters, "minutes", Profile.DEFAULT_MINUTES, MIN_MINUTES, MAX_MINUTES, errors);
		int sessions = number(parameters, "sessions", Profile.DEFAULT_SESSIONS, 1, MAX_SESSIONS, errors);
		var pain = new EnumMap<PainArea, Integer>(PainArea.class);
		painText.forEach((area, value) -> {
			if (!errors.containsKey("pain." + area)) {
				try {
					pain.put(PainArea.valueOf(area), Integer.valueOf(value.strip()));
				}
				catch (RuntimeException unreadable) {
					errors.put("pain." + area, "input.error.pain.range");
				}
			}
		});
		var conditions = known(Condition.class, all(parameters, "condition"));
		var equipment = known(Equipment.class, all(parameters, "equipment"));
		PriorActivity activity = known(PriorActivity.class, all(parameters, "activity")).stream().findFirst().orElse(null);
		String floor = first(parameters, "floor");
		Profile profile = errors.isEmpty()
				? new Profile(LocalDate.parse(dueDate.strip()), conditions, activity, equipment,
						floor.isEmpty() ? null : "yes".equals(floor), pain, minutes, sessions)
				: null;
		return new ProfileForm(dueDate, pain, conditions, activity, equipment,
				"yes".equals(floor) || "no".equals(floor) ? floor : "", minutes, sessions, errors, profile);
	}

	public boolean hasError(String field) {
		return errors.containsKey(field);
	}

	public @Nullable String error(String field) {
		return errors.get(field);
	}

	public int painIn(PainArea area) {
		return pain.getOrDefault(area, 0);
	}

	private static int number(MultiValueMap<String, String> parameters, String name, int fallback, int min, int max,
			Map<String, String> errors) {
		String value = first(parameters, name);
		if (value.isEmpty()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException unreadable) {
			// Named below, like a number out of range.
		}
		errors.put(name, "account.profile." + name + ".range");
		return fallback;
	}

	private static <E extends Enum<E>> Set<E> known(Class<E> type, List<String> names) {
		var values = EnumSet.noneOf(type);
		for (String name : names) {
			for (E constant : type.getEnumConstants()) {
				if (constant.name().equals(name)) {
					values.add(constant);
				}
			}
		}
		return values;
	}

	private static String first(MultiValueMap<String, String> parameters, String name) {
		String value = parameters.getFirst(name);
		return value == null ? "" : value.strip();
	}

	private static List<String> all(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.get(name);
		return values == null ? List.of() : values.stream().filter(value -> value != null && !value.isBlank()).toList();
	}

	private static @Nullable String blankToNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
