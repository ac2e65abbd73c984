package org.carrywell.sharing.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.planning.PlanRequest;
import org.carrywell.plans.ProviderAdvice;
import org.carrywell.sharing.internal.AdjustmentStore;

/**
 * A change a provider makes through her link: {@code kind} (PIN, EXCLUDE, MAX_MINUTES or NOTE), {@code exercise}
 * (an id from the catalogue, for a pin or an exclusion), {@code minutes} (5–45, for a cap) and {@code message}
 * (the reason she will read for an exclusion, required; the note; optional for the others).
 *
 * @param errors message keys by field
 */
public record AdjustmentForm(String kind, String exercise, String minutes, String message, Map<String, String> errors) {

	static AdjustmentForm blank() {
		return new AdjustmentForm("", "", "", "", Map.of());
	}

	static AdjustmentForm read(MultiValueMap<String, String> parameters, Catalogue catalogue) {
		var errors = new LinkedHashMap<String, String>();
		String kind = text(parameters.getFirst("kind"));
		String exercise = text(parameters.getFirst("exercise"));
		String minutes = text(parameters.getFirst("minutes"));
		String message = text(parameters.getFirst("message"));
		ProviderAdvice.Kind parsed = kindOf(kind);
		if (parsed == null) {
			errors.put("kind", "sharing.adjust.error.kind");
		}
		// Walking, swimming and cycling are never in a session (her activity minutes are): nothing to keep or leave out.
		if ((parsed == ProviderAdvice.Kind.PIN || parsed == ProviderAdvice.Kind.EXCLUDE)
				&& (!ExerciseId.isValid(exercise) || catalogue.find(new ExerciseId(exercise))
					.filter(found -> found.category() != Category.CARDIO)
					.isEmpty())) {
			errors.put("exercise", "sharing.adjust.error.exercise");
		}
		if (parsed == ProviderAdvice.Kind.MAX_MINUTES && minutesOf(minutes) == null) {
			errors.put("minutes", "sharing.adjust.error.minutes");
		}
		if ((parsed == ProviderAdvice.Kind.EXCLUDE || parsed == ProviderAdvice.Kind.NOTE) && message.isEmpty()) {
			errors.put("message", parsed == ProviderAdvice.Kind.NOTE ? "sharing.adjust.error.note"
					: "sharing.adjust.error.reason");
		}
		if (message.length() > AdjustmentStore.MAX_MESSAGE) {
			errors.put("message", "sharing.adjust.error.long");
		}
		else if (message.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			errors.put("message", "sharing.adjust.error.characters");
		}
		return new AdjustmentForm(kind, exercise, minutes, message, errors);
	}

	private static ProviderAdvice.@Nullable Kind kindOf(String kind) {
		for (ProviderAdvice.Kind candidate : ProviderAdvice.Kind.values()) {
			if (candidate.name().equals(kind)) {
				return candidate;
			}
		}
		return null;
	}

	private static @Nullable Integer minutesOf(String minutes) {
		try {
			int value = Integer.parseInt(minutes);
			return value >= PlanRequest.MIN_MINUTES && value <= PlanRequest.MAX_MINUTES ? value : null;
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	ProviderAdvice.Kind validKind() {
		return java.util.Objects.requireNonNull(kindOf(kind), "kind");
	}

	@Nullable
	ExerciseId validExercise() {
		var parsed = validKind();
		return parsed == ProviderAdvice.Kind.PIN || parsed == ProviderAdvice.Kind.EXCLUDE ? new ExerciseId(exercise)
				: null;
	}

	@Nullable
	Integer validMinutes() {
		return validKind() == ProviderAdvice.Kind.MAX_MINUTES ? minutesOf(minutes) : null;
	}

	/** The same form with one more problem on a field. */
	AdjustmentForm withError(String field, String key) {
		var more = new LinkedHashMap<>(errors);
		more.put(field, key);
		return new AdjustmentForm(kind, exercise, minutes, message, more);
	}

	public boolean hasError(String field) {
		return errors.containsKey(field);
	}

	public String error(String field) {
		return errors.getOrDefault(field, "");
	}

	public boolean hasErrors() {
		return !errors.isEmpty();
	}

}
