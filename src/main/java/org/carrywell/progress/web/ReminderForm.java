package org.carrywell.progress.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

/**
 * Her reminder choice as the form sends it: {@code day=1}…{@code day=7} (Monday is 1), {@code time=18:00} and
 * {@code zone} (a time zone id such as Europe/Berlin).
 *
 * @param errors message keys by field
 */
public record ReminderForm(Set<DayOfWeek> days, String time, String zone, Map<String, String> errors) {

	private static final java.util.regex.Pattern HOURS_AND_MINUTES = java.util.regex.Pattern.compile("\\d{2}:\\d{2}");

	static ReminderForm read(MultiValueMap<String, String> parameters) {
		var errors = new LinkedHashMap<String, String>();
		var days = EnumSet.noneOf(DayOfWeek.class);
		List<String> given = parameters.getOrDefault("day", List.of());
		for (String day : given) {
			try {
				days.add(DayOfWeek.of(Integer.parseInt(String.valueOf(day).trim())));
			}
			catch (RuntimeException notADay) {
				errors.put("day", "reminders.error.days");
			}
		}
		if (days.isEmpty()) {
			errors.put("day", "reminders.error.days");
		}
		String time = String.valueOf(parameters.getFirst("time")).trim();
		// Hours and minutes only: what the time field sends, and what a reminder is set to.
		if (!HOURS_AND_MINUTES.matcher(time).matches()) {
			errors.put("time", "reminders.error.time");
		}
		else {
			try {
				LocalTime.parse(time);
			}
			catch (DateTimeParseException notATime) {
				errors.put("time", "reminders.error.time");
			}
		}
		String zone = String.valueOf(parameters.getFirst("zone")).trim();
		if (!ZoneId.getAvailableZoneIds().contains(zone)) {
			errors.put("zone", "reminders.error.zone");
		}
		return new ReminderForm(days, time, zone, errors);
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

	public boolean hasDay(int day) {
		return days.contains(DayOfWeek.of(day));
	}

}
