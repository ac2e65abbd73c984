package org.carrywell.progress.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import org.carrywell.catalogue.PainArea;
import org.carrywell.progress.internal.DiaryStore;

/**
 * A diary entry as the form sends it: {@code pain.LOWER_BACK=4} for each area she rated, {@code sleep=yes} when
 * pain disturbed her sleep, an optional note, and the day (today unless she corrects an earlier one, at most
 * {@link #DAYS_BACK} days back).
 *
 * @param errors message keys by field
 */
public record DiaryForm(LocalDate day, Map<PainArea, Integer> pain, boolean sleepDisturbed, String note,
		Map<String, String> errors) {

	public static final String PAIN_PREFIX = "pain.";

	static final int DAYS_BACK = 30;

	static DiaryForm read(MultiValueMap<String, String> parameters, LocalDate today) {
		var errors = new LinkedHashMap<String, String>();
		LocalDate day = day(parameters.getFirst("day"), today, errors);
		var pain = new EnumMap<PainArea, Integer>(PainArea.class);
		for (PainArea area : PainArea.values()) {
			String value = parameters.getFirst(PAIN_PREFIX + area.name());
			if (value == null || value.isBlank()) {
				continue;
			}
			try {
				int intensity = Integer.parseInt(value.trim());
				if (intensity < 0 || intensity > 10) {
					throw new NumberFormatException(value);
				}
				pain.put(area, intensity);
			}
			catch (NumberFormatException outOfRange) {
				errors.put(PAIN_PREFIX + area.name(), "diary.error.pain");
			}
		}
		if (pain.isEmpty() && !errors.keySet().stream().anyMatch(field -> field.startsWith(PAIN_PREFIX))) {
			errors.put("pain", "diary.error.noPain");
		}
		String note = parameters.getFirst("note") == null ? "" : parameters.getFirst("note").strip();
		if (note.length() > DiaryStore.MAX_NOTE) {
			errors.put("note", "diary.error.note");
		}
		return new DiaryForm(day, pain, "yes".equals(parameters.getFirst("sleep")), note, errors);
	}

	/**
	 * The day a diary or activity form is for: today when none is given; a day in the future or more than
	 * {@link #DAYS_BACK} days back is an error on the field {@code day} (and today stands in for it).
	 */
	static LocalDate day(@Nullable String given, LocalDate today, Map<String, String> errors) {
		if (given == null || given.isBlank()) {
			return today;
		}
		LocalDate day = shown(given, today);
		if (day == null) {
			errors.put("day", "diary.error.day");
			return today;
		}
		return day;
	}

	/** A day from an address, when it is one the forms accept; null otherwise. */
	static @Nullable LocalDate shown(@Nullable String given, LocalDate today) {
		try {
			LocalDate day = LocalDate.parse(String.valueOf(given).trim());
			// Tomorrow by the server's clock may be her today, in a time zone ahead of it.
			return day.isAfter(today.plusDays(1)) || day.isBefore(today.minusDays(DAYS_BACK)) ? null : day;
		}
		catch (DateTimeParseException unreadable) {
			return null;
		}
	}

	static DiaryForm of(DiaryStore.Entry entry) {
		return new DiaryForm(entry.day(), entry.pain(), entry.sleepDisturbed(), entry.note(), Map.of());
	}

	DiaryStore.Entry entry() {
		return new DiaryStore.Entry(day, pain, sleepDisturbed, note);
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

	/** Her rating of an area, or -1 when she did not rate it. */
	public int painIn(PainArea area) {
		return pain.getOrDefault(area, -1);
	}

}
