package org.carrywell.safety;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.carrywell.catalogue.Trimester;

/**
 * How far along a pregnancy is, in completed weeks (0 to 42). From a due date, the week is 40 weeks minus
 * the time left until the due date; a due date more than 42 weeks away or more than 2 weeks past is refused.
 */
public record GestationalAge(int weeks) implements Comparable<GestationalAge> {

	public static final int MAX_WEEKS = 42;

	private static final int TERM_DAYS = 40 * 7;

	public GestationalAge {
		if (weeks < 0 || weeks > MAX_WEEKS) {
			throw new InvalidInputException("weeksPregnant", "must be between 0 and " + MAX_WEEKS + ", was " + weeks);
		}
	}

	public static GestationalAge ofWeeks(int weeks) {
		return new GestationalAge(weeks);
	}

	/** @throws InvalidInputException when the due date is more than 42 weeks away or more than 2 weeks past */
	public static GestationalAge fromDueDate(LocalDate dueDate, LocalDate today) {
		long daysToGo = ChronoUnit.DAYS.between(today, dueDate);
		if (daysToGo > MAX_WEEKS * 7L) {
			throw new InvalidInputException("dueDate", "is more than 42 weeks away; please check the date");
		}
		if (daysToGo < -14) {
			throw new InvalidInputException("dueDate", "is more than 2 weeks ago; please check the date");
		}
		long days = TERM_DAYS - daysToGo;
		return new GestationalAge((int) Math.max(0, Math.min(MAX_WEEKS, days / 7)));
	}

	/** Weeks 0–13 are the first trimester, 14–27 the second, 28 on the third. */
	public Trimester trimester() {
		if (weeks <= 13) {
			return Trimester.FIRST;
		}
		return weeks <= 27 ? Trimester.SECOND : Trimester.THIRD;
	}

	public boolean isAtLeast(int week) {
		return weeks >= week;
	}

	@Override
	public int compareTo(GestationalAge other) {
		return Integer.compare(weeks, other.weeks);
	}

}
