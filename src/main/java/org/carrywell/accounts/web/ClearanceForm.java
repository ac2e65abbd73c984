package org.carrywell.accounts.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.carrywell.accounts.Clearance;

/** Her provider cleared her: when (not in the future, not before this pregnancy) and who, in her words. */
public record ClearanceForm(String clearedOn, String clearedBy, Map<String, String> errors, @Nullable Clearance clearance) {

	static final int MAX_NAME = 100;

	static ClearanceForm read(@Nullable String clearedOn, @Nullable String clearedBy, LocalDate today) {
		String on = clearedOn == null ? "" : clearedOn.strip();
		String by = clearedBy == null ? "" : clearedBy.strip();
		var errors = new LinkedHashMap<String, String>();
		LocalDate date = null;
		try {
			date = LocalDate.parse(on);
			if (date.isAfter(today)) {
				errors.put("clearedOn", "account.clearance.date.future");
			}
			else if (date.isBefore(today.minusWeeks(44))) {
				errors.put("clearedOn", "account.clearance.date.old");
			}
		}
		catch (DateTimeParseException unreadable) {
			errors.put("clearedOn", on.isEmpty() ? "account.clearance.date.missing" : "account.clearance.date.invalid");
		}
		if (by.isEmpty()) {
			errors.put("clearedBy", "account.clearance.by.missing");
		}
		else if (by.length() > MAX_NAME || by.chars().anyMatch(Character::isISOControl)) {
			errors.put("clearedBy", "account.clearance.by.invalid");
		}
		return new ClearanceForm(on, by, errors, errors.isEmpty() ? new Clearance(date, by) : null);
	}

}
