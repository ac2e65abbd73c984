package org.carrywell.progress.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.MultiValueMap;

import org.carrywell.progress.internal.ActivityStore;

/**
 * A day's activity as the form sends it: minutes per kind ({@code minutes.WALKING=30}; empty or 0 for none), and
 * the day (today, or up to {@link DiaryForm#DAYS_BACK} days back).
 *
 * @param errors message keys by field
 */
public record ActivityForm(LocalDate day, Map<ActivityStore.Kind, Integer> minutes, Map<String, String> errors) {

	public static final String MINUTES_PREFIX = "minutes.";

	static ActivityForm read(MultiValueMap<String, String> parameters, LocalDate today) {
		var errors = new LinkedHashMap<String, String>();
		LocalDate day = DiaryForm.day(parameters.getFirst("day"), today, errors);
		var minutes = new EnumMap<ActivityStore.Kind, Integer>(ActivityStore.Kind.class);
		for (ActivityStore.Kind kind : ActivityStore.Kind.values()) {
			String value = parameters.getFirst(MINUTES_PREFIX + kind.name());
			if (value == null || value.isBlank()) {
				minutes.put(kind, 0);
				continue;
			}
			try {
				int given = Integer.parseInt(value.trim());
				if (given < 0 || given > ActivityStore.MAX_MINUTES) {
					throw new NumberFormatException(value);
				}
				minutes.put(kind, given);
			}
			catch (NumberFormatException outOfRange) {
				errors.put(MINUTES_PREFIX + kind.name(), "activity.error.minutes");
			}
		}
		return new ActivityForm(day, minutes, errors);
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

	/** The minutes of a kind, or an empty text for none (so the field starts empty). */
	public String minutesOf(ActivityStore.Kind kind) {
		int given = minutes.getOrDefault(kind, 0);
		return given == 0 ? "" : String.valueOf(given);
	}

}
