package org.carrywell.sharing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import org.carrywell.accounts.CheckRecord;
import org.carrywell.accounts.Clearance;
import org.carrywell.accounts.Profile;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Exercise;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.plans.ProviderAdvice;
import org.carrywell.plans.WeekPlans;
import org.carrywell.progress.PlanLearning;
import org.carrywell.progress.ProgressReport;
import org.carrywell.progress.SessionRecord;
import org.carrywell.progress.WarningSignLog;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.safety.Pregnancy;
import org.carrywell.safety.Screening;
import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.safety.ScreeningResult;
import org.carrywell.safety.Symptom;
import org.carrywell.safety.Urgency;
import org.carrywell.safety.WarningSigns;

/**
 * Everything a provider sees of her, in one place, for the page they open through her link, her appointment
 * report and her own preview: nothing else reaches those views. Her own words (diary and session notes) are in it
 * only when she chose to share them; another provider's notes never, and their other changes without their name
 * or words.
 */
@Component
public class ProviderViews {

	/**
	 * @param memberId her account's id, for the exports' own identifiers (never shown); her e-mail address is not here
	 * @param week her week today; null when her profile has no due date, or one out of range
	 * @param screeningToday her kept check's answers judged for her week today (with her declared conditions); null
	 * without a check or a week
	 * @param clearance her provider's clearance, when it still covers today's outcome
	 * @param plan her plan this week, as she sees it (with her providers' advice and what it learned); null without a
	 * week
	 * @param planWeekStart the Monday of the plan's week (it runs to the Sunday)
	 * @param nextBoundaryWeek the next week at which a rule or an outcome changes, and her plan is made again
	 * @param advice the providers' changes in force, as this viewer may see them
	 * @param warningSigns every warning sign she reported in the period, newest first
	 * @param sessions her sessions in the period, newest first
	 * @param sleepDisturbedDays diary days in the period on which pain disturbed her sleep
	 * @param notes her notes in the period, newest first; empty unless she chose to share them
	 */
	public record View(String providerName, LocalDate today, @Nullable LocalDate dueDate,
			@Nullable GestationalAge week, UUID memberId, Profile profile, Optional<CheckRecord> check,
			@Nullable ScreeningResult screeningToday, @Nullable Clearance clearance, @Nullable WeeklyPlan plan,
			LocalDate planWeekStart, @Nullable Integer nextBoundaryWeek, @Nullable LocalDate nextBoundaryOn,
			ProviderAdvice.Advice advice, ProgressReport.Report report, List<WarningSignEntry> warningSigns,
			List<SessionRow> sessions, int diaryDays, int sleepDisturbedDays, boolean showsNotes,
			List<NoteEntry> notes) {

		public LocalDate planWeekEnd() {
			return planWeekStart.plusDays(6);
		}

	}

	/**
	 * A warning sign result: the signs, and the urgency the rules gave them on that day.
	 *
	 * @param afterSession ticked in the question after a session (else in the warning-sign check)
	 */
	public record WarningSignEntry(Instant at, LocalDate day, List<Symptom> symptoms, Urgency urgency,
			boolean afterSession) {
	}

	/** One session she did, as a provider reads it: exercises by name. */
	public record SessionRow(LocalDate day, int minutes, @Nullable Integer painBefore, @Nullable Integer painAfter,
			@Nullable String felt, List<String> painful, List<String> madeEasier, List<String> skipped) {
	}

	/** @param source "diary" or "session" */
	public record NoteEntry(LocalDate day, String source, String text) {
	}

	private final WeekPlans weekPlans;

	private final ProgressReport progress;

	private final WarningSignLog warningSignLog;

	private final AdjustmentStore adjustments;

	private final Catalogue catalogue;

	private final MessageSource messages;

	private final Clock clock;

	ProviderViews(WeekPlans weekPlans, ProgressReport progress, WarningSignLog warningSignLog,
			AdjustmentStore adjustments, Catalogue catalogue, MessageSource messages, Clock clock) {
		this.weekPlans = weekPlans;
		this.progress = progress;
		this.warningSignLog = warningSignLog;
		this.adjustments = adjustments;
		this.catalogue = catalogue;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * @param viewer the link it is seen through, or null for her own copy (her report): through a link, only that
	 * link's provider's notes, and other providers' changes without their names or words
	 */
	public View of(SignedInMember member, String providerName, @Nullable UUID viewer, int weeks, boolean showsNotes,
			Locale locale) {
		LocalDate today = LocalDate.now(clock);
		LocalDate due = member.profile().dueDate();
		Pregnancy pregnancy = due == null ? null : new Pregnancy(due, 0);
		GestationalAge week = pregnancy == null ? null : pregnancy.weekOn(today).orElse(null);
		WeeklyPlan plan = week == null ? null : weekPlans.hers(member, today).orElse(null);
		var report = progress.of(member.id(), weeks, locale, ProgressReport.Voice.PROVIDER);
		ScreeningResult screening = member.check()
			.filter(check -> week != null)
			.map(check -> Screening.assess(check.answers(), week, member.profile().conditions()))
			.orElse(null);
		Clearance clearance = member.check()
			.map(CheckRecord::clearance)
			.filter(cleared -> screening == null || screening.outcome() == ScreeningOutcome.CLEARANCE_NEEDED)
			.orElse(null);
		Integer boundary = pregnancy == null ? null : pregnancy.nextBoundaryWeekAfter(today).orElse(null);

		List<SessionRecord> done = progress.sessions(member.id(), report.from(), today);
		ZoneId zone = clock.getZone();
		var signs = new ArrayList<WarningSignEntry>();
		var rows = new ArrayList<SessionRow>();
		var notes = new ArrayList<NoteEntry>();
		for (SessionRecord session : done) {
			LocalDate day = session.startedAt().atZone(zone).toLocalDate();
			List<Symptom> symptoms = symptoms(session.symptoms());
			if (!symptoms.isEmpty()) {
				GestationalAge then = pregnancy == null ? null : pregnancy.weekOn(day).orElse(null);
				signs.add(new WarningSignEntry(session.endedAt(), day, symptoms,
						WarningSigns.assess(symptoms, then).urgency(), true));
			}
			rows.add(new SessionRow(day, Math.round(session.secondsDone() / 60.0f), session.painBefore(),
					session.painAfter(), session.felt() == null ? null : session.felt().name(),
					names(session.exercisesPainful()), names(session.exercisesEasier()), names(session.exercisesSkipped())));
			if (showsNotes && !session.note().isBlank()) {
				notes.add(new NoteEntry(day, "session", session.note()));
			}
		}
		for (WarningSignLog.Check check : warningSignLog.between(member.id(), report.from(), today)) {
			signs.add(new WarningSignEntry(check.at(), check.at().atZone(zone).toLocalDate(), check.symptoms(),
					check.urgency(), false));
		}
		var diary = progress.diary(member.id(), report.from(), today);
		if (showsNotes) {
			diary.stream()
				.filter(day -> !day.note().isBlank())
				.forEach(day -> notes.add(new NoteEntry(day.day(), "diary", day.note())));
		}
		int sleepDisturbed = (int) diary.stream().filter(ProgressReport.DiaryDay::sleepDisturbed).count();
		signs.sort(Comparator.comparing(WarningSignEntry::at).reversed());
		rows.sort(Comparator.comparing(SessionRow::day).reversed());
		notes.sort(Comparator.comparing(NoteEntry::day).reversed());
		return new View(providerName, today, due, week, member.id(), member.profile(), member.check(), screening,
				clearance, plan,
				PlanLearning.weekStart(today), boundary, boundary == null ? null : pregnancy.firstDayOfWeek(boundary),
				advice(member.id(), viewer, locale), report, signs, rows, diary.size(), sleepDisturbed, showsNotes,
				notes);
	}

	/**
	 * The changes in force as the viewer may see them: all of them for her; through a link, that link's own, and
	 * other providers' pins, exclusions and caps as "another provider" without their words (their notes not at all).
	 */
	private ProviderAdvice.Advice advice(UUID member, @Nullable UUID viewer, Locale locale) {
		if (viewer == null) {
			return adjustments.of(member);
		}
		String another = messages.getMessage("shared.advice.another", null, locale);
		var visible = new ArrayList<ProviderAdvice.Adjustment>();
		adjustments.history(member)
			.stream()
			.filter(AdjustmentStore.Item::active)
			.sorted(Comparator.comparing((AdjustmentStore.Item item) -> item.adjustment().madeAt())
				.thenComparing(item -> item.adjustment().id()))
			.forEach(item -> {
				ProviderAdvice.Adjustment adjustment = item.adjustment();
				if (viewer.equals(item.share())) {
					visible.add(adjustment);
				}
				else if (adjustment.kind() != ProviderAdvice.Kind.NOTE) {
					visible.add(new ProviderAdvice.Adjustment(adjustment.id(), adjustment.kind(), another,
							adjustment.exercise(), adjustment.minutes(), "", adjustment.madeAt()));
				}
			});
		return new ProviderAdvice.Advice(visible);
	}

	private List<String> names(List<String> ids) {
		return ids.stream().map(id -> catalogue.find(id).map(Exercise::name).orElse(id)).toList();
	}

	/** The signs as the rule book names them; an id it does not know (an old device) is not shown as one. */
	private static List<Symptom> symptoms(List<String> ids) {
		var known = new ArrayList<Symptom>();
		for (String id : ids) {
			try {
				known.add(WarningSigns.symptomOf(id));
			}
			catch (InvalidInputException unknown) {
				// Stored results are checked on the way in; nothing unknown is expected here.
			}
		}
		return known;
	}

}
