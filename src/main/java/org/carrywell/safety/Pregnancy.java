package org.carrywell.safety;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Her pregnancy dated by its due date, so that her week on any day follows from it (rule book v2: the week never
 * freezes). A week she types is kept with the day she typed it: that day is taken as the first day of the week,
 * so the week goes up by one every seven days from then. A due date gives the exact day.
 */
public record Pregnancy(LocalDate dueDate) {

	/** The weeks at which a rule or an outcome changes: prone, trimesters, supine, placenta praevia, twins, term. */
	public static final List<Integer> BOUNDARY_WEEKS = List.of(13, 14, 16, 26, 28, Symptom.TERM_WEEK);

	private static final int TERM_DAYS = 40 * 7;

	/** @throws InvalidInputException naming {@code weeksPregnant} when the week is not 0–42 */
	public static Pregnancy fromWeeks(int weeks, LocalDate asOf) {
		GestationalAge.ofWeeks(weeks);
		return new Pregnancy(asOf.plusDays(TERM_DAYS - 7L * weeks));
	}

	/** @throws InvalidInputException naming {@code dueDate} when it is more than 42 weeks away or 2 weeks past */
	public static Pregnancy fromDueDate(LocalDate dueDate, LocalDate today) {
		GestationalAge.fromDueDate(dueDate, today);
		return new Pregnancy(dueDate);
	}

	/** Her week on that day, or empty when the day lies before week 0 or after week 42. */
	public Optional<GestationalAge> weekOn(LocalDate day) {
		long days = TERM_DAYS - ChronoUnit.DAYS.between(day, dueDate);
		if (days < 0 || days / 7 > GestationalAge.MAX_WEEKS) {
			return Optional.empty();
		}
		return Optional.of(GestationalAge.ofWeeks((int) (days / 7)));
	}

	/** The first day of a week of this pregnancy. */
	public LocalDate firstDayOfWeek(int week) {
		return dueDate.minusDays(TERM_DAYS - 7L * week);
	}

	/**
	 * The next week after the one she is in on {@code day} at which a rule or an outcome changes, if any before
	 * week 42: a calendar series, or a plan, must not run into it.
	 */
	public Optional<Integer> nextBoundaryWeekAfter(LocalDate day) {
		int week = weekOn(day).map(GestationalAge::weeks).orElse(GestationalAge.MAX_WEEKS);
		return BOUNDARY_WEEKS.stream().filter(boundary -> boundary > week).findFirst();
	}

}
