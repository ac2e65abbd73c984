package org.carrywell.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.PainArea;
import org.carrywell.progress.internal.ActivityStore;
import org.carrywell.progress.internal.DiaryStore;

/** Her numbers by week (Monday to Sunday), as "is it helping?" and the API show them. */
public final class WeekTotals {

	/** The guideline for all activity: 150 minutes of moderate activity a week, over at least 3 days. */
	public static final int GUIDELINE_MINUTES = 150;

	public static final int GUIDELINE_DAYS = 3;

	private WeekTotals() {
	}

	public record ActivityWeek(LocalDate weekStart, int minutes, int activeDays, boolean guidelineMet) {
	}

	/** @param planned the sessions her plan held that week, or null when she did not open her plan that week */
	public record SessionWeek(LocalDate weekStart, int done, @Nullable Integer planned) {
	}

	/**
	 * @param average her average pain by area over the week's diary entries (areas she rated that week)
	 * @param entries how many days she wrote in her diary that week
	 */
	public record PainWeek(LocalDate weekStart, Map<PainArea, Double> average, int entries) {
	}

	/** The Mondays of the weeks from the one {@code from} is in to the one {@code to} is in. */
	public static List<LocalDate> weeks(LocalDate from, LocalDate to) {
		var weeks = new ArrayList<LocalDate>();
		for (LocalDate week = PlanLearning.weekStart(from); !week.isAfter(to); week = week.plusWeeks(1)) {
			weeks.add(week);
		}
		return weeks;
	}

	public static List<ActivityWeek> activityWeeks(List<ActivityStore.Entry> entries, LocalDate from, LocalDate to) {
		var result = new ArrayList<ActivityWeek>();
		for (LocalDate week : weeks(from, to)) {
			int minutes = 0;
			Set<LocalDate> days = new HashSet<>();
			for (ActivityStore.Entry entry : entries) {
				if (inWeek(entry.day(), week)) {
					minutes += entry.minutes();
					days.add(entry.day());
				}
			}
			result.add(new ActivityWeek(week, minutes, days.size(),
					minutes >= GUIDELINE_MINUTES && days.size() >= GUIDELINE_DAYS));
		}
		return result;
	}

	public static List<PainWeek> painWeeks(List<DiaryStore.Entry> entries, LocalDate from, LocalDate to) {
		var result = new ArrayList<PainWeek>();
		for (LocalDate week : weeks(from, to)) {
			var sums = new EnumMap<PainArea, int[]>(PainArea.class);
			int count = 0;
			for (DiaryStore.Entry entry : entries) {
				if (inWeek(entry.day(), week)) {
					count++;
					entry.pain().forEach((area, pain) -> {
						int[] sum = sums.computeIfAbsent(area, a -> new int[2]);
						sum[0] += pain;
						sum[1]++;
					});
				}
			}
			var average = new EnumMap<PainArea, Double>(PainArea.class);
			sums.forEach((area, sum) -> average.put(area, Math.round(10.0 * sum[0] / sum[1]) / 10.0));
			result.add(new PainWeek(week, average, count));
		}
		return result;
	}

	public static boolean inWeek(LocalDate day, LocalDate weekStart) {
		return !day.isBefore(weekStart) && day.isBefore(weekStart.plusWeeks(1));
	}

}
