package org.carrywell.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.Trimester;
import org.carrywell.planning.History.SessionOutcome;
import org.carrywell.planning.LearnedWeek.Change;
import org.carrywell.planning.LearnedWeek.Prescription;
import org.carrywell.planning.LearnedWeek.Step;
import org.carrywell.planning.PlanAdjustment.Feedback;
import org.carrywell.safety.ExerciseRules;
import org.carrywell.safety.ExerciseVerdict;
import org.carrywell.safety.SafetyAssessment;

/**
 * Next week's decisions from this week's: applies the {@link LearningRule} table to what happened since the week
 * before began. Each exercise family moves at most one step a week (one variant along its easier/harder links, or
 * one set), and only to a variant the safety engine allows her today; the plan's size grows by at most one step a
 * week (rule book v2). Pure and deterministic: the same history gives the same decisions.
 */
public final class Learning {

	/** A rise of this much, over the week or during a session, eases off (the "rose by 2 or more"). */
	public static final int PAIN_RISE = PlanAdjustment.PAIN_RISE;

	/** How far back marks of pain count, and how long an exercise marked painful twice stays out. */
	public static final int PAINFUL_DAYS = 28;

	/** The minutes one step of growth adds to a session (rule book v2). */
	public static final int MINUTES_STEP = 5;

	private Learning() {
	}

	/**
	 * @param request her plan request for the week (her context, and the size she asked for)
	 * @param previous the decisions of the latest week before this one, if there was one
	 * @param weekStart the Monday of the week being decided
	 * @param asOf the day the decision is made (sessions after it do not exist yet)
	 */
	public static LearnedWeek nextWeek(Catalogue catalogue, PlanRequest request, @Nullable LearnedWeek previous,
			History history, LocalDate weekStart, LocalDate asOf) {
		SafetyAssessment assessment = ExerciseRules.assess(catalogue, request.safetyContext());
		LocalDate evidenceFrom = previous == null ? weekStart.minusDays(PAINFUL_DAYS) : previous.weekStart();
		List<SessionOutcome> sessions = history.sessions()
			.stream()
			.filter(session -> !session.day().isAfter(asOf) && !session.day().isBefore(weekStart.minusDays(PAINFUL_DAYS)))
			.toList();
		@Nullable Double painChange = painChange(history, asOf);
		var changes = new ArrayList<Change>();

		var leftOut = new TreeMap<ExerciseId, LocalDate>();
		if (previous != null) {
			previous.leftOut().forEach((id, until) -> {
				if (until.isAfter(weekStart)) {
					leftOut.put(id, until);
				}
			});
		}
		leaveOutPainful(sessions, leftOut, changes);

		var prescriptions = new TreeMap<String, Prescription>();
		if (previous != null) {
			previous.prescriptions().forEach((family, prescription) -> {
				if (allowed(assessment, prescription.exercise()) && !leftOut.containsKey(prescription.exercise())) {
					prescriptions.put(family, prescription);
				}
			});
		}
		List<SessionOutcome> evidence = sessions.stream().filter(session -> !session.day().isBefore(evidenceFrom)).toList();
		for (String family : familiesDone(catalogue, evidence)) {
			decide(catalogue, request, assessment, family, evidence, painChange, leftOut, prescriptions, changes);
		}

		int[] size = size(request, previous, history, weekStart, painChange, changes);
		return new LearnedWeek(weekStart, prescriptions, leftOut, size[0], size[1], changes);
	}

	private static void leaveOutPainful(List<SessionOutcome> sessions, Map<ExerciseId, LocalDate> leftOut,
			List<Change> changes) {
		var marks = new TreeMap<ExerciseId, List<LocalDate>>();
		for (SessionOutcome session : sessions) {
			new HashSet<>(session.painful()).forEach(id -> marks.computeIfAbsent(id, k -> new ArrayList<>()).add(session.day()));
		}
		marks.forEach((id, days) -> {
			if (days.size() >= 2 && !leftOut.containsKey(id)) {
				leftOut.put(id, days.get(days.size() - 1).plusDays(PAINFUL_DAYS));
				changes.add(new Change(LearningRule.LEAVE_OUT_PAINFUL_TWICE, Step.LEFT_OUT, id, null));
			}
		});
	}

	private static List<String> familiesDone(Catalogue catalogue, List<SessionOutcome> sessions) {
		var families = new java.util.TreeSet<String>();
		for (SessionOutcome session : sessions) {
			for (ExerciseId id : session.done()) {
				catalogue.find(id).ifPresent(exercise -> families.add(exercise.family()));
			}
		}
		return List.copyOf(families);
	}

	private static void decide(Catalogue catalogue, PlanRequest request, SafetyAssessment assessment, String family,
			List<SessionOutcome> evidence, @Nullable Double painChange, Map<ExerciseId, LocalDate> leftOut,
			Map<String, Prescription> prescriptions, List<Change> changes) {
		// Her last two sessions with this family, latest first.
		var withFamily = new ArrayList<SessionOutcome>();
		ExerciseId lastDone = null;
		for (int i = evidence.size() - 1; i >= 0 && withFamily.size() < 2; i--) {
			SessionOutcome session = evidence.get(i);
			Optional<ExerciseId> done = session.done().stream().filter(id -> inFamily(catalogue, id, family)).findFirst();
			if (done.isPresent()) {
				withFamily.add(session);
				if (lastDone == null) {
					lastDone = done.get();
				}
			}
		}
		Prescription current = prescriptions.getOrDefault(family, new Prescription(lastDone, 0));
		if (leftOut.containsKey(current.exercise()) || !allowed(assessment, current.exercise())) {
			return;
		}
		SessionOutcome last = withFamily.get(0);
		@Nullable SessionOutcome before = withFamily.size() > 1 ? withFamily.get(1) : null;
		LearningRule rule = rule(catalogue, family, last, before, painChange);
		if (rule == LearningRule.HOLD_MIXED) {
			return;
		}
		Exercise exercise = catalogue.find(current.exercise()).orElseThrow();
		if (rule == LearningRule.PROGRESS_EASY_TWICE) {
			progress(exercise, current, request, assessment, family, prescriptions, changes);
		}
		else {
			easeOff(rule, exercise, current, assessment, family, prescriptions, changes);
		}
	}

	/** The first rule of the table that matches (leaving out is decided before, across families). */
	static LearningRule rule(Catalogue catalogue, String family, SessionOutcome last, @Nullable SessionOutcome before,
			@Nullable Double painChange) {
		if (last.madeEasier().stream().anyMatch(id -> inFamily(catalogue, id, family))) {
			return LearningRule.EASE_OFF_MADE_EASIER;
		}
		if (last.felt() == Feedback.TOO_HARD) {
			return LearningRule.EASE_OFF_FELT_HARD;
		}
		Integer rise = last.painRise();
		if ((painChange != null && painChange >= PAIN_RISE) || (rise != null && rise >= PAIN_RISE)) {
			return LearningRule.EASE_OFF_PAIN_ROSE;
		}
		boolean easyTwice = before != null && last.felt() == Feedback.TOO_EASY && before.felt() == Feedback.TOO_EASY;
		boolean painSteadyOrFalling = (painChange == null || painChange <= 0) && notRisen(last) && notRisen(before);
		return easyTwice && painSteadyOrFalling ? LearningRule.PROGRESS_EASY_TWICE : LearningRule.HOLD_MIXED;
	}

	private static boolean notRisen(@Nullable SessionOutcome session) {
		Integer rise = session == null ? null : session.painRise();
		return rise == null || rise <= 0;
	}

	/** Sets fewer than the file's come back first; then the harder variant; then one more set. */
	private static void progress(Exercise exercise, Prescription current, PlanRequest request,
			SafetyAssessment assessment, String family, Map<String, Prescription> prescriptions, List<Change> changes) {
		LearningRule rule = LearningRule.PROGRESS_EASY_TWICE;
		if (current.setDelta() < 0) {
			prescriptions.put(family, new Prescription(current.exercise(), current.setDelta() + 1));
			changes.add(new Change(rule, Step.MORE_SETS, current.exercise(), null));
			return;
		}
		Optional<ExerciseId> harder = exercise.harderVariant().filter(id -> allowed(assessment, id));
		if (harder.isPresent()) {
			prescriptions.put(family, new Prescription(harder.get(), 0));
			changes.add(new Change(rule, Step.HARDER, current.exercise(), harder.get()));
			return;
		}
		if (mayAddSet(exercise, current.setDelta(), request, assessment)) {
			prescriptions.put(family, new Prescription(current.exercise(), current.setDelta() + 1));
			changes.add(new Change(rule, Step.MORE_SETS, current.exercise(), null));
			return;
		}
		changes.add(new Change(rule, Step.HELD, current.exercise(), null));
	}

	/** Extra sets go first; then the easier variant; then one set fewer; the gentlest version is held. */
	private static void easeOff(LearningRule rule, Exercise exercise, Prescription current, SafetyAssessment assessment,
			String family, Map<String, Prescription> prescriptions, List<Change> changes) {
		if (current.setDelta() > 0) {
			prescriptions.put(family, new Prescription(current.exercise(), current.setDelta() - 1));
			changes.add(new Change(rule, Step.FEWER_SETS, current.exercise(), null));
			return;
		}
		Optional<ExerciseId> easier = exercise.easierVariant().filter(id -> allowed(assessment, id));
		if (easier.isPresent()) {
			prescriptions.put(family, new Prescription(easier.get(), 0));
			changes.add(new Change(rule, Step.EASIER, current.exercise(), easier.get()));
			return;
		}
		if (exercise.dose().sets() + current.setDelta() > 1) {
			prescriptions.put(family, new Prescription(current.exercise(), current.setDelta() - 1));
			changes.add(new Change(rule, Step.FEWER_SETS, current.exercise(), null));
			return;
		}
		changes.add(new Change(rule, Step.HELD, current.exercise(), null));
	}

	/**
	 * The limits the generator gives extra sets by: none for an exercise allowed only with a caution, strength work
	 * at most one over its file and three in all (none in the third trimester or a gentle plan), other work at most
	 * {@link PlanGenerator#MAX_SETS}; timed exercises take no sets.
	 */
	static boolean mayAddSet(Exercise exercise, int setDelta, PlanRequest request, SafetyAssessment assessment) {
		boolean cautioned = assessment.verdict(exercise.id()).map(verdict -> !verdict.cautions().isEmpty()).orElse(true);
		if (cautioned || exercise.dose().kind() == org.carrywell.catalogue.Dose.Kind.MINUTES) {
			return false;
		}
		int sets = exercise.dose().sets() + setDelta + 1;
		if (exercise.category() == Category.STRENGTH) {
			return !request.gentle() && request.age().trimester() != Trimester.THIRD && setDelta + 1 <= 1
					&& sets <= PlanGenerator.MAX_STRENGTH_SETS;
		}
		return sets <= Math.min(PlanGenerator.MAX_SETS, exercise.dose().sets() + 2);
	}

	/**
	 * The plan's size: what she asked for at most; after a first plan kept small (rule book v2), one step more a
	 * week when she did every session of the week before and pain did not rise.
	 */
	private static int[] size(PlanRequest request, @Nullable LearnedWeek previous, History history,
			LocalDate weekStart, @Nullable Double painChange, List<Change> changes) {
		int[] first = PlanGenerator.firstPlanLimit(request.priorActivity());
		int askedMinutes = request.minutesPerSession();
		int askedSessions = request.sessionsPerWeek();
		if (previous == null) {
			return new int[] { Math.min(askedMinutes, first[0]), Math.min(askedSessions, first[1]) };
		}
		int minutes = Math.min(askedMinutes, previous.minutesPerSession());
		int sessions = Math.min(askedSessions, previous.sessionsPerWeek());
		if (minutes == askedMinutes && sessions == askedSessions) {
			return new int[] { minutes, sessions };
		}
		List<SessionOutcome> weekBefore = history.sessions()
			.stream()
			.filter(session -> session.day().isBefore(weekStart) && !session.day().isBefore(weekStart.minusDays(7)))
			.toList();
		boolean complete = weekBefore.size() >= previous.sessionsPerWeek();
		boolean easyEnough = (painChange == null || painChange < PAIN_RISE)
				&& weekBefore.stream().noneMatch(session -> session.felt() == Feedback.TOO_HARD);
		if (!complete || !easyEnough) {
			changes.add(new Change(LearningRule.HOLD_SIZE, Step.SIZE_HELD, null, null));
			return new int[] { minutes, sessions };
		}
		if (minutes < askedMinutes) {
			changes.add(new Change(LearningRule.GROW_ONE_STEP, Step.MORE_MINUTES, null, null));
			return new int[] { Math.min(askedMinutes, minutes + MINUTES_STEP), sessions };
		}
		changes.add(new Change(LearningRule.GROW_ONE_STEP, Step.MORE_SESSIONS, null, null));
		return new int[] { minutes, sessions + 1 };
	}

	/**
	 * Her worst pain on average over the last 7 days minus the 7 days before; null when either has no reading.
	 * A day's reading is the diary's, or else the highest pain she gave before a session that day.
	 */
	static @Nullable Double painChange(History history, LocalDate asOf) {
		var byDay = new TreeMap<LocalDate, Integer>();
		for (SessionOutcome session : history.sessions()) {
			if (session.painBefore() != null) {
				byDay.merge(session.day(), session.painBefore(), Math::max);
			}
		}
		history.pain().forEach(reading -> byDay.put(reading.day(), reading.worst()));
		double recent = average(byDay, asOf.minusDays(6), asOf);
		double earlier = average(byDay, asOf.minusDays(13), asOf.minusDays(7));
		return Double.isNaN(recent) || Double.isNaN(earlier) ? null : recent - earlier;
	}

	private static double average(TreeMap<LocalDate, Integer> byDay, LocalDate from, LocalDate to) {
		return byDay.subMap(from, true, to, true).values().stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
	}

	private static boolean inFamily(Catalogue catalogue, ExerciseId id, String family) {
		return catalogue.find(id).map(exercise -> exercise.family().equals(family)).orElse(false);
	}

	static boolean allowed(SafetyAssessment assessment, ExerciseId id) {
		return assessment.verdict(id).map(ExerciseVerdict::allowed).orElse(false);
	}

}
