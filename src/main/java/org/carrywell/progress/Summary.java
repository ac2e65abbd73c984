package org.carrywell.progress;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import org.carrywell.catalogue.PainArea;

/**
 * "Is it helping?" in a few sentences of her own numbers. It never over-claims: it says what changed, not why
 * (pregnancy changes back pain week by week whatever she does), calls a change of less than one point "about the
 * same", and says when there is too little to tell.
 */
final class Summary {

	/** A change in average pain smaller than this is "about the same": diary ratings are whole numbers. */
	static final double SAME = 1.0;

	private Summary() {
	}

	/**
	 * @param keys where its sentences are in messages.properties: {@code progress.summary.} speaks to her,
	 * {@code shared.summary.} about her (to the provider she shares with)
	 */
	static List<String> of(List<WeekTotals.PainWeek> painWeeks, List<PainArea> areas,
			List<WeekTotals.SessionWeek> sessionWeeks, List<WeekTotals.ActivityWeek> activityWeeks, LocalDate today,
			MessageSource messages, Locale locale, String keys) {
		var sentences = new ArrayList<String>();
		var format = DateTimeFormatter.ofPattern("d MMMM", locale);
		boolean anyTrend = false;
		for (PainArea area : areas) {
			var rated = painWeeks.stream().filter(week -> week.average().containsKey(area)).toList();
			if (rated.size() < 2) {
				continue;
			}
			anyTrend = true;
			var first = rated.get(0);
			var last = rated.get(rated.size() - 1);
			double before = first.average().get(area);
			double now = last.average().get(area);
			String direction = now <= before - SAME ? "lower" : now >= before + SAME ? "higher" : "same";
			sentences.add(messages.getMessage(keys + "pain." + direction, new Object[] {
					messages.getMessage("area." + area, null, locale), number(before), format.format(first.weekStart()),
					number(now), format.format(last.weekStart()) }, locale));
		}
		sentences.add(messages.getMessage(keys + (anyTrend ? "pain.caveat" : "pain.tooFew"),
				null, locale));

		int done = sessionWeeks.stream().mapToInt(WeekTotals.SessionWeek::done).sum();
		var planned = sessionWeeks.stream().filter(week -> week.planned() != null).toList();
		if (planned.isEmpty()) {
			sentences.add(messages.getMessage(keys + "sessions.unplanned",
					new Object[] { done, sessionWeeks.size() }, locale));
		}
		else {
			int doneInPlannedWeeks = planned.stream().mapToInt(WeekTotals.SessionWeek::done).sum();
			int plannedSessions = planned.stream().mapToInt(WeekTotals.SessionWeek::planned).sum();
			sentences.add(messages.getMessage(keys + "sessions", new Object[] { doneInPlannedWeeks,
					plannedSessions, planned.size(), done }, locale));
		}

		LocalDate lastWeek = PlanLearning.weekStart(today).minusWeeks(1);
		activityWeeks.stream().filter(week -> week.weekStart().equals(lastWeek)).findFirst().ifPresent(week ->
				sentences.add(messages.getMessage(keys + (week.guidelineMet() ? "activity.met"
						: "activity.notMet"), new Object[] { week.minutes(), week.activeDays(),
								WeekTotals.GUIDELINE_MINUTES, WeekTotals.GUIDELINE_DAYS }, locale)));
		return sentences;
	}

	/** One decimal, without a trailing ".0". */
	static String number(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
	}

}
