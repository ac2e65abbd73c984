package org.carrywell.plans.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.InvalidInputException;

/** Weeks pregnant, or a due date: the weeks win when both are given. */
final class AgeInput {

	private AgeInput() {
	}

	/** @throws InvalidInputException naming {@code weeksPregnant} or {@code dueDate} */
	static GestationalAge resolve(@Nullable Integer weeks, @Nullable LocalDate dueDate, LocalDate today) {
		if (weeks != null) {
			return GestationalAge.ofWeeks(weeks);
		}
		if (dueDate != null) {
			return GestationalAge.fromDueDate(dueDate, today);
		}
		throw new InvalidInputException("weeksPregnant", "or dueDate is required");
	}

}
