package org.carrywell.plans.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.safety.ScreeningQuestion;

/**
 * The screening form as it arrives (a GET form: the answers stay in the address, so the result can be
 * printed or revisited without storing anything). Reading it never throws: each problem becomes a message
 * for its field, keyed by the form field's name.
 */
public record ScreeningForm(String weeks, String dueDate, Map<ScreeningQuestion, Boolean> answers,
		Map<String, String> errors, @Nullable GestationalAge age) {

	static final String YES = "yes";

	static final String NO = "no";

	static ScreeningForm empty() {
		return new ScreeningForm("", "", Map.of(), Map.of(), null);
	}

	static ScreeningForm read(MultiValueMap<String, String> parameters, LocalDate today) {
		var errors = new LinkedHashMap<String, String>();
		var answers = new EnumMap<ScreeningQuestion, Boolean>(ScreeningQuestion.class);
		parameters.forEach((name, values) -> {
			if (!name.matches("[A-Z][A-Z_]*")) {
				return;
			}
			String value = values.isEmpty() ? "" : values.get(values.size() - 1);
			try {
				var question = ScreeningQuestion.valueOf(name);
				if (YES.equals(value)) {
					answers.put(question, true);
				}
				else if (NO.equals(value)) {
					answers.put(question, false);
				}
				else if (!value.isEmpty()) {
					errors.put(name, "check.error.answer");
				}
			}
			catch (IllegalArgumentException ex) {
				errors.put("form", "check.error.unknown");
			}
		});
		String weeks = first(parameters, "weeks");
		String dueDate = first(parameters, "dueDate");
		GestationalAge age = null;
		try {
			Integer weekNumber = weeks.isEmpty() ? null : Integer.valueOf(weeks);
			LocalDate due = dueDate.isEmpty() ? null : LocalDate.parse(dueDate);
			age = AgeInput.resolve(weekNumber, due, today);
		}
		catch (NumberFormatException ex) {
			errors.put("weeks", "check.error.weeks");
		}
		catch (DateTimeParseException ex) {
			errors.put("dueDate", "check.error.dueDate");
		}
		catch (InvalidInputException ex) {
			errors.put(ex.field().equals("dueDate") ? "dueDate" : "weeks",
					weeks.isEmpty() && dueDate.isEmpty() ? "check.error.age"
							: ex.field().equals("dueDate") ? "check.error.dueDate.range" : "check.error.weeks");
		}
		return new ScreeningForm(weeks, dueDate, answers, errors, errors.isEmpty() ? age : null);
	}

	private static String first(MultiValueMap<String, String> parameters, String name) {
		List<String> values = parameters.getOrDefault(name, List.of());
		return values.isEmpty() || values.get(0) == null ? "" : values.get(0).trim();
	}

	ScreeningForm withoutErrors() {
		return new ScreeningForm(weeks, dueDate, answers, Map.of(), age);
	}

	public boolean isValid() {
		return errors.isEmpty() && age != null;
	}

	public boolean hasError(String field) {
		return errors.containsKey(field);
	}

	public @Nullable String error(String field) {
		return errors.get(field);
	}

	/** "yes", "no" or "" for a question, as the radio buttons show it. */
	public String answer(ScreeningQuestion question) {
		Boolean answer = answers.get(question);
		return answer == null ? "" : answer ? YES : NO;
	}

}
