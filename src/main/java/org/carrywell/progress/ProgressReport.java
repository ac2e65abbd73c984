package org.carrywell.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.carrywell.catalogue.PainArea;
import org.carrywell.progress.internal.ActivityStore;
import org.carrywell.progress.internal.DiaryStore;
import org.carrywell.progress.internal.LearnedWeekStore;
import org.carrywell.progress.internal.SessionResultStore;

/**
 * "Is it helping?" for a member and a period of whole weeks, as her own page, the view her provider opens through
 * a link, and the appointment report all show it: pain by area, sessions done against planned, activity against
 * the guideline, each as a chart and its table, and a summary in her own numbers. Also her raw days, for exports.
 */
@Component
public class ProgressReport {

	/** The periods offered, in weeks; 8 unless she chooses. */
	public static final List<Integer> PERIODS = List.of(4, 8, 12);

	public static final int DEFAULT_WEEKS = 8;

	/**
	 * @param weeks how many weeks, the last one being the week of {@code to}
	 * @param labels each week's label ("2 Nov"), in order
	 * @param areas the areas with at least one diary entry in the period
	 */
	public record Report(int weeks, LocalDate from, LocalDate to, List<String> labels, List<PainArea> areas,
			List<String> areaNames, List<WeekTotals.PainWeek> painWeeks, Charts.Chart painChart,
			List<WeekTotals.SessionWeek> sessionWeeks, Charts.Chart sessionChart,
			List<WeekTotals.ActivityWeek> activityWeeks, Charts.Chart activityChart, List<String> summary) {
	}

	/** One day of her pain diary. */
	public record DiaryDay(LocalDate day, Map<PainArea, Integer> pain, boolean sleepDisturbed, String note) {

		public DiaryDay {
			pain = Map.copyOf(pain);
		}

	}

	/** Minutes of one activity on one day ({@code kind}: WALKING, SWIMMING, CYCLING, YOGA or OTHER). */
	public record ActivityDay(LocalDate day, String kind, int minutes) {
	}

	private final DiaryStore diary;

	private final ActivityStore activity;

	private final SessionResultStore sessions;

	private final LearnedWeekStore weeks;

	private final MessageSource messages;

	private final Clock clock;

	ProgressReport(DiaryStore diary, ActivityStore activity, SessionResultStore sessions, LearnedWeekStore weeks,
			MessageSource messages, Clock clock) {
		this.diary = diary;
		this.activity = activity;
		this.sessions = sessions;
		this.weeks = weeks;
		this.messages = messages;
		this.clock = clock;
	}

	/** A period offered, from what an address asked: anything else is the default. */
	public static int period(@Nullable String asked) {
		return PERIODS.stream()
			.filter(period -> String.valueOf(period).equals(asked))
			.findFirst()
			.orElse(DEFAULT_WEEKS);
	}

	/** The first day of a period of {@code count} weeks ending with the week of {@code today}. */
	public static LocalDate start(int count, LocalDate today) {
		return PlanLearning.weekStart(today).minusWeeks(count - 1L);
	}

	/** Who the report speaks to: her, on her own pages; her provider, on what she shares (about her). */
	public enum Voice {

		HER("progress.summary."), PROVIDER("shared.summary.");

		private final String keys;

		Voice(String keys) {
			this.keys = keys;
		}

	}

	/** Her last {@code count} weeks up to today, in {@code locale}, for her own pages. */
	public Report of(UUID member, int count, Locale locale) {
		return of(member, count, locale, Voice.HER);
	}

	/** Her last {@code count} weeks up to today, in {@code locale}, its summary in the voice given. */
	public Report of(UUID member, int count, Locale locale, Voice voice) {
		LocalDate today = LocalDate.now(clock);
		LocalDate from = start(count, today);
		var format = DateTimeFormatter.ofPattern("d MMM", locale);
		List<LocalDate> mondays = WeekTotals.weeks(from, today);
		List<String> labels = mondays.stream().map(format::format).toList();

		var painWeeks = WeekTotals.painWeeks(diary.between(member, from, today), from, today);
		List<PainArea> areas = new ArrayList<>();
		for (PainArea area : PainArea.values()) {
			if (painWeeks.stream().anyMatch(week -> week.average().containsKey(area))) {
				areas.add(area);
			}
		}
		var painValues = new ArrayList<@Nullable Double[]>();
		for (PainArea area : areas) {
			painValues.add(painWeeks.stream().map(week -> week.average().get(area)).toArray(Double[]::new));
		}
		var areaNames = areas.stream().map(area -> messages.getMessage("area." + area, null, locale)).toList();

		var zone = clock.getZone();
		List<SessionRecord> done = sessions(member, from, today);
		var planned = new HashMap<LocalDate, Integer>();
		weeks.since(member, from).forEach(week -> planned.put(week.learned().weekStart(), week.sessionsPlanned()));
		var sessionWeeks = mondays.stream()
			.map(monday -> new WeekTotals.SessionWeek(monday,
					(int) done.stream()
						.filter(session -> WeekTotals.inWeek(session.startedAt().atZone(zone).toLocalDate(), monday))
						.count(),
					planned.get(monday)))
			.toList();
		var activityWeeks = WeekTotals.activityWeeks(activity.between(member, from, today), from, today);

		// Ticks fall on round numbers: a maximum of 150 minutes gives 0, 50, 100, 150.
		return new Report(count, from, today, labels, areas, areaNames, painWeeks,
				Charts.lines(labels, areaNames, painValues), sessionWeeks,
				Charts.bars(labels, sessionWeeks.stream().mapToInt(WeekTotals.SessionWeek::done).toArray(),
						sessionWeeks.stream().mapToInt(week -> week.planned() == null ? 0 : week.planned()).toArray(),
						null, highest -> (double) Math.max(4, highest)),
				activityWeeks,
				Charts.bars(labels, activityWeeks.stream().mapToInt(WeekTotals.ActivityWeek::minutes).toArray(), null,
						WeekTotals.GUIDELINE_MINUTES, highest -> Math.ceil(highest / 50.0) * 50),
				Summary.of(painWeeks, areas, sessionWeeks, activityWeeks, today, messages, locale, voice.keys));
	}

	/** Her diary from {@code from} to {@code to}, day by day. */
	public List<DiaryDay> diary(UUID member, LocalDate from, LocalDate to) {
		return diary.between(member, from, to)
			.stream()
			.map(entry -> new DiaryDay(entry.day(), entry.pain(), entry.sleepDisturbed(), entry.note()))
			.toList();
	}

	/** Her activity minutes from {@code from} to {@code to}. */
	public List<ActivityDay> activity(UUID member, LocalDate from, LocalDate to) {
		return activity.between(member, from, to)
			.stream()
			.map(entry -> new ActivityDay(entry.day(), entry.kind().name(), entry.minutes()))
			.toList();
	}

	/** Her sessions started from {@code from} to {@code to} (days in the server's zone). */
	public List<SessionRecord> sessions(UUID member, LocalDate from, LocalDate to) {
		var zone = clock.getZone();
		Instant start = from.atStartOfDay(zone).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
		return sessions.between(member, start, end);
	}

}
