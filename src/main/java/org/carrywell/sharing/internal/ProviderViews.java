package org.carrywell.sharing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import org.carrywell.accounts.CheckRecord;
import org.carrywell.accounts.SignedInMember;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.plans.ProviderAdvice;
import org.carrywell.plans.WeekPlans;
import org.carrywell.progress.ProgressReport;
import org.carrywell.progress.SessionRecord;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.safety.Pregnancy;
import org.carrywell.safety.Symptom;
import org.carrywell.safety.Urgency;
import org.carrywell.safety.WarningSignResult;
import org.carrywell.safety.WarningSigns;

/**
 * Everything a provider sees of her, in one place, for the page they open through her link, her appointment
 * report and her own preview: nothing else reaches those views. Her own words (diary and session notes) are in it
 * only when she chose to share them.
 */
@Component
public class ProviderViews {

	/**
	 * @param week her week today; null when her profile has no due date, or one out of range
	 * @param plan her plan this week, as she sees it (with her providers' advice and what it learned); null without a
	 * week
	 * @param warningSigns every session in the period after which she ticked a warning sign, newest first
	 * @param notes her notes in the period, newest first; empty unless she chose to share them
	 */
	public record View(String providerName, LocalDate today, @Nullable LocalDate dueDate,
			@Nullable GestationalAge week, SignedInMember member, Optional<CheckRecord> check,
			@Nullable WeeklyPlan plan, ProviderAdvice.Advice advice, ProgressReport.Report report,
			List<WarningSignEntry> warningSigns, boolean showsNotes, List<NoteEntry> notes, int sessionsDone) {
	}

	/** The warning signs she ticked after a session, on its day, with the urgency the rules give them then. */
	public record WarningSignEntry(LocalDate day, List<Symptom> symptoms, Urgency urgency) {
	}

	/** @param source "diary" or "session" */
	public record NoteEntry(LocalDate day, String source, String text) {
	}

	private final WeekPlans weekPlans;

	private final ProgressReport progress;

	private final AdjustmentStore adjustments;

	private final Clock clock;

	ProviderViews(WeekPlans weekPlans, ProgressReport progress, AdjustmentStore adjustments, Clock clock) {
		this.weekPlans = weekPlans;
		this.progress = progress;
		this.adjustments = adjustments;
		this.clock = clock;
	}

	public View of(SignedInMember member, String providerName, int weeks, boolean showsNotes, Locale locale) {
		LocalDate today = LocalDate.now(clock);
		LocalDate due = member.profile().dueDate();
		Pregnancy pregnancy = due == null ? null : new Pregnancy(due, 0);
		GestationalAge week = pregnancy == null ? null : pregnancy.weekOn(today).orElse(null);
		WeeklyPlan plan = week == null ? null : weekPlans.hers(member, today).orElse(null);
		var report = progress.of(member.id(), weeks, locale, ProgressReport.Voice.PROVIDER);
		List<SessionRecord> sessions = progress.sessions(member.id(), report.from(), today);
		ZoneId zone = clock.getZone();
		var signs = new ArrayList<WarningSignEntry>();
		var notes = new ArrayList<NoteEntry>();
		for (SessionRecord session : sessions) {
			LocalDate day = session.startedAt().atZone(zone).toLocalDate();
			List<Symptom> symptoms = symptoms(session.symptoms());
			if (!symptoms.isEmpty()) {
				GestationalAge then = pregnancy == null ? null : pregnancy.weekOn(day).orElse(null);
				WarningSignResult result = WarningSigns.assess(symptoms, then);
				signs.add(new WarningSignEntry(day, symptoms, result.urgency()));
			}
			if (showsNotes && !session.note().isBlank()) {
				notes.add(new NoteEntry(day, "session", session.note()));
			}
		}
		if (showsNotes) {
			progress.diary(member.id(), report.from(), today)
				.stream()
				.filter(day -> !day.note().isBlank())
				.forEach(day -> notes.add(new NoteEntry(day.day(), "diary", day.note())));
		}
		signs.sort(Comparator.comparing(WarningSignEntry::day).reversed());
		notes.sort(Comparator.comparing(NoteEntry::day).reversed());
		return new View(providerName, today, due, week, member, member.check(), plan, adjustments.of(member.id()),
				report, signs, showsNotes, notes, sessions.size());
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
