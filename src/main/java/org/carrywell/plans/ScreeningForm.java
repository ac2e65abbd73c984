package org.carrywell.plans;

import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.PersonInput;
import org.carrywell.safety.ScreeningQuestion;

/**
 * The screening form as it arrives (a GET form: the answers stay in the address, so the result can be printed
 * or revisited without storing anything). Read through {@link PersonInput}, like every other way in; each problem
 * becomes a message key for its form field.
 *
 * @param asOf the day the week was given on, kept in the address so that the week moves on with time
 * @param age her week today, when the form is valid
 */
public record ScreeningForm(String weeks, String dueDate, String asOf, Map<ScreeningQuestion, Boolean> answers,
		Map<String, String> errors, @Nullable GestationalAge age) {

	public static ScreeningForm empty() {
		return new ScreeningForm("", "", "", Map.of(), Map.of(), null);
	}

	/** The check's own fields only: the week, and the answers. */
	public static ScreeningForm read(MultiValueMap<String, String> parameters, LocalDate today) {
		return PlanForm.read(parameters, today).screening();
	}

	public ScreeningForm withoutErrors() {
		return new ScreeningForm(weeks, dueDate, asOf, answers, Map.of(), age);
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
		return answer == null ? "" : answer ? PersonInput.YES : PersonInput.NO;
	}

}
