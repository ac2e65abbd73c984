package org.carrywell.safety;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Her pregnancy dated by its due date, so that her week on any day follows from it (rule book v2: the week never
 * freezes). A due date gives the exact day. A week she types ("15 weeks") could be any of its seven days, so it
 * is kept with the day she typed it and read at both ends, each where it is the cautious one: {@link #weekOn}
 * takes its last day (the week goes up the day after she typed it), so every rule that starts at a week (lying
 * on the back, balance, placenta praevia, twins, the trimesters) starts no later than it should;
 * {@link #earliestWeekOn} takes its first day, for the warning signs that are an emergency only before week 37.
 *
 * @param uncertaintyDays how many days later in the pregnancy she may be than the due date says (6 for a typed
 * week, 0 for a due date)
 */
public record Pregnancy(LocalDate dueDate, int uncertaintyDays) {

	/** The weeks at which a rule or an outcome changes: prone, trimesters, supine, placenta praevia, twins, term. */
	public static final List<Integer> BOUNDARY_WEEKS = List.of(13, 14, 16, 26, 28, Symptom.TERM_WEEK);

	private static final int TERM_DAYS = 40 * 7;

	/** A week isn't known to the day. */
	private static final int DAYS_IN_A_WEEK_AFTER_THE_FIRST = 6;

	public Pregnancy {
		if (uncertaintyDays < 0 || uncertaintyDays > DAYS_IN_A_WEEK_AFTER_THE_FIRST) {
			throw new IllegalArgumentException("uncertaintyDays must be 0 to 6, was " + uncertaintyDays);
		}
	}

	/** @throws InvalidInputException naming {@code weeksPregnant} when the week is not 0–42 */
	public static Pregnancy fromWeeks(int weeks, LocalDate asOf) {
		GestationalAge.ofWeeks(weeks);
		return new Pregnancy(asOf.plusDays(TERM_DAYS - 7L * weeks - DAYS_IN_A_WEEK_AFTER_THE_FIRST),
				DAYS_IN_A_WEEK_AFTER_THE_FIRST);
	}

	/** @throws InvalidInputException naming {@code dueDate} when it is more than 42 weeks away or 2 weeks past */
	public static Pregnancy fromDueDate(LocalDate dueDate, LocalDate today) {
		GestationalAge.fromDueDate(dueDate, today);
		return new Pregnancy(dueDate, 0);
	}

	/**
	 * Her week on that day, at its latest: what every rule that starts at a week is judged by. Empty when the day
	 * lies before week 0 or after week 42.
	 */
	public Optional<GestationalAge> weekOn(LocalDate day) {
		long days = TERM_DAYS - ChronoUnit.DAYS.between(day, dueDate);
		if (days < 0 || days / 7 > GestationalAge.MAX_WEEKS) {
			return Optional.empty();
		}
		return Optional.of(GestationalAge.ofWeeks((int) (days / 7)));
	}

	/** Her week on that day, at its earliest: for the signs that are more urgent before a week (term, at 37). */
	public Optional<GestationalAge> earliestWeekOn(LocalDate day) {
		return weekOn(day.minusDays(uncertaintyDays));
	}

	/** The first day she may be in that week. */
	public LocalDate firstDayOfWeek(int week) {
		return dueDate.minusDays(TERM_DAYS - 7L * week);
	}

	/**
	 * The last day, from {@code today} and at most {@code days} days long, on which every rule and outcome is as on
	 * {@code today}: no boundary week is reached by her week at its latest (the exercise rules) or at its earliest
	 * (the warning signs), and she is still within week 42. What is judged today for her device (an offline copy)
	 * must not be used after it.
	 */
	public LocalDate sameRulesUntil(LocalDate today, int days) {
		int latest = weekOn(today).map(GestationalAge::weeks).orElse(-1);
		int earliest = earliestWeekOn(today).map(GestationalAge::weeks).orElse(-1);
		LocalDate last = today;
		for (LocalDate day = today.plusDays(1); day.isBefore(today.plusDays(days)); day = day.plusDays(1)) {
			Optional<GestationalAge> latestThen = weekOn(day);
			Optional<GestationalAge> earliestThen = earliestWeekOn(day);
			if (latestThen.isEmpty() || earliestThen.isEmpty() || crossesBoundary(latest, latestThen.get().weeks())
					|| crossesBoundary(earliest, earliestThen.get().weeks())) {
				break;
			}
			last = day;
		}
		return last;
	}

	private static boolean crossesBoundary(int from, int to) {
		return BOUNDARY_WEEKS.stream().anyMatch(boundary -> boundary > from && boundary <= to);
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
