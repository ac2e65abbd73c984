package org.carrywell.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Dose;
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
 * before's decisions were made. Each exercise family moves at most one step a week (one variant along its own
 * easier/harder links, or one set), and only to a variant the safety engine allows her today; the plan's size
 * grows by at most one step a week (rule book v2). Pure and deterministic: the same history gives the same
 * decisions.
 */
public final class Learning {

	/** A rise of this much, over the week or during a session, eases off. */
	public static final int PAIN_RISE = PlanAdjustment.PAIN_RISE;

	/** How far back marks of pain count, and how long an exercise marked painful twice stays out. */
	public static final int PAINFUL_DAYS = 28;

	/** The minutes one step of growth adds to a session (rule book v2). */
	public static final int MINUTES_STEP = 5;

	/** The most families made harder in one week: a physiotherapist changes one or two things at a time. */
	public static final int MAX_PROGRESSIONS = 2;

	private Learning() {
	}

	/**
	 * @param request her plan request for the week (her context, and the size she asked for)
	 * @param previous the decisions of the latest week before this one, if there was one
	 * @param weekStart the Monday of the week being decided
	 * @param clock now: sessions that ended later do not exist yet; pain trends are read up to today
	 */
	public static LearnedWeek nextWeek(Catalogue catalogue, PlanRequest request, @Nullable LearnedWeek previous,
			History history, LocalDate weekStart, Clock clock) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		SafetyAssessment assessment = ExerciseRules.assess(catalogue, request.safetyContext());
		List<SessionOutcome> happened = history.sessions().stream().filter(session -> !session.knownAt().isAfter(now)).toList();
		// Only what reached her account since the week before's decisions counts, so the same sessions never make
		// two steps, and a session done offline before them still counts when it arrives.
		List<SessionOutcome> evidence = happened.stream()
			.filter(session -> previous == null ? session.day().isAfter(weekStart.minusDays(PAINFUL_DAYS))
					: session.knownAt().isAfter(previous.decidedAt()))
			.toList();
		@Nullable Double painChange = painChange(history, today);
		boolean warningSign = evidence.stream().anyMatch(SessionOutcome::warningSigns);
		var changes = new ArrayList<Change>();

		var leftOut = new TreeMap<ExerciseId, LocalDate>();
		if (previous != null) {
			previous.leftOut().forEach((id, until) -> {
				if (until.isAfter(weekStart)) {
					leftOut.put(id, until);
				}
			});
		}
		var prescriptions = new TreeMap<String, Prescription>();
		// Families changed this week before the table is read (by the engine, or by leaving out): one change each.
		Set<String> changedAlready = new HashSet<>();
		if (previous != null) {
			carryOver(catalogue, request, assessment, previous, leftOut, prescriptions, changes, changedAlready);
		}
		leaveOutPainful(catalogue, assessment, happened, weekStart, leftOut, prescriptions, changes, changedAlready);

		PlanSize size = size(request, previous, history, weekStart, painChange, warningSign, changes);
		boolean grows = previous != null
				&& (size.minutes() > previous.minutesPerSession() || size.sessions() > previous.sessionsPerWeek());
		boolean mayProgress = !grows && !warningSign && !request.gentle() && recentWorstPain(history, today) < PlanGenerator.STRONG_PAIN;
		int progressions = 0;
		for (String family : familiesDone(catalogue, evidence)) {
			if (changedAlready.contains(family)) {
				continue;
			}
			int before = changes.size();
			var decided = decide(catalogue, request, assessment, family, evidence, painChange, leftOut, prescriptions,
					changes, mayProgress && progressions < MAX_PROGRESSIONS);
			boolean steppedUp = decided == LearningRule.PROGRESS_EASY_TWICE && changes.size() > before
					&& changes.get(changes.size() - 1).step() != Step.HELD;
			if (steppedUp) {
				progressions++;
			}
		}
		return new LearnedWeek(weekStart, now, prescriptions, leftOut, size.minutes(), size.sessions(), changes);
	}

	/**
	 * Last week's prescriptions, as far as the engine and the rule book allow them today: a variant no longer
	 * allowed gives way to the nearest easier one of its family she may do (or to the plan's own choice); sets
	 * beyond today's limits are taken back. Each such change is recorded.
	 */
	private static void carryOver(Catalogue catalogue, PlanRequest request, SafetyAssessment assessment,
			LearnedWeek previous, Map<ExerciseId, LocalDate> leftOut, Map<String, Prescription> prescriptions,
			List<Change> changes, Set<String> changedAlready) {
		previous.prescriptions().forEach((family, prescription) -> {
			ExerciseId id = prescription.exercise();
			if (!allowed(assessment, id)) {
				Optional<ExerciseId> easier = nearestAllowedEasier(catalogue, assessment, id, family, leftOut);
				easier.ifPresent(replacement -> prescriptions.put(family, new Prescription(replacement, 0)));
				changes.add(new Change(LearningRule.FOLLOW_THE_ENGINE, easier.isPresent() ? Step.EASIER : Step.CHOSEN_AGAIN,
						id, easier.orElse(null)));
				changedAlready.add(family);
				return;
			}
			Exercise exercise = catalogue.find(id).orElseThrow();
			int delta = setDeltaAllowed(exercise, prescription.setDelta(), request, assessment);
			if (delta != prescription.setDelta()) {
				changes.add(new Change(LearningRule.FOLLOW_THE_ENGINE, Step.SETS_LIMITED, id, null));
				changedAlready.add(family);
			}
			prescriptions.put(family, new Prescription(id, delta));
		});
	}

	/**
	 * The sets a prescription may change by today, within the limits the generator gives extra sets by: none more
	 * for a timed exercise or one allowed only with a caution; strength work at most one over its file and
	 * {@link PlanGenerator#MAX_STRENGTH_SETS} in all, and none more in the third trimester or a gentle plan; other
	 * work at most two over its file and {@link PlanGenerator#MAX_SETS}; never below one set.
	 */
	static int setDeltaAllowed(Exercise exercise, int delta, PlanRequest request, SafetyAssessment assessment) {
		Dose dose = exercise.dose();
		if (dose.kind() == Dose.Kind.MINUTES) {
			return 0;
		}
		int most;
		if (cautioned(assessment, exercise.id())) {
			most = 0;
		}
		else if (exercise.category() == Category.STRENGTH) {
			boolean noMore = request.gentle() || request.age().trimester() == Trimester.THIRD;
			most = noMore ? 0 : Math.max(0, Math.min(1, PlanGenerator.MAX_STRENGTH_SETS - dose.sets()));
		}
		else {
			most = Math.max(0, Math.min(2, PlanGenerator.MAX_SETS - dose.sets()));
		}
		return Math.max(1 - dose.sets(), Math.min(most, delta));
	}

	/**
	 * An exercise marked painful in two sessions within four weeks is left out until four weeks after the second
	 * mark, with the harder variants of its family. When the variant her plan prescribes is among them, the nearest
	 * easier one she may do takes its place; a prescription below them stays as it is.
	 */
	private static void leaveOutPainful(Catalogue catalogue, SafetyAssessment assessment, List<SessionOutcome> sessions,
			LocalDate weekStart, Map<ExerciseId, LocalDate> leftOut, Map<String, Prescription> prescriptions,
			List<Change> changes, Set<String> changedAlready) {
		var marks = new TreeMap<ExerciseId, List<LocalDate>>();
		for (SessionOutcome session : sessions) {
			// A mark counts while it would still keep the exercise out this week.
			if (session.day().plusDays(PAINFUL_DAYS).isAfter(weekStart)) {
				new HashSet<>(session.painful()).forEach(id -> marks.computeIfAbsent(id, k -> new ArrayList<>()).add(session.day()));
			}
		}
		marks.forEach((id, days) -> {
			Optional<Exercise> exercise = catalogue.find(id);
			if (days.size() < 2 || leftOut.containsKey(id) || exercise.isEmpty()) {
				return;
			}
			LocalDate until = days.stream().max(LocalDate::compareTo).orElseThrow().plusDays(PAINFUL_DAYS);
			String family = exercise.get().family();
			for (ExerciseId harder : harderInFamily(catalogue, exercise.get())) {
				leftOut.putIfAbsent(harder, until);
			}
			leftOut.put(id, until);
			Prescription current = prescriptions.get(family);
			ExerciseId instead = null;
			if (current != null && leftOut.containsKey(current.exercise())) {
				Optional<ExerciseId> easier = nearestAllowedEasier(catalogue, assessment, id, family, leftOut);
				prescriptions.remove(family);
				easier.ifPresent(replacement -> prescriptions.put(family, new Prescription(replacement, 0)));
				instead = easier.orElse(null);
			}
			changes.add(new Change(LearningRule.LEAVE_OUT_PAINFUL_TWICE, Step.LEFT_OUT, id, instead));
			changedAlready.add(family);
		});
	}

	private static List<ExerciseId> harderInFamily(Catalogue catalogue, Exercise exercise) {
		var harder = new ArrayList<ExerciseId>();
		Set<ExerciseId> seen = new HashSet<>(Set.of(exercise.id()));
		Exercise current = exercise;
		while (true) {
			Optional<Exercise> next = current.harderVariant().flatMap(catalogue::find)
				.filter(candidate -> candidate.family().equals(exercise.family()) && seen.add(candidate.id()));
			if (next.isEmpty()) {
				return harder;
			}
			harder.add(next.get().id());
			current = next.get();
		}
	}

	/**
	 * Down the family's own easier links, past variants the engine forbids her or that are left out, to the first
	 * one she may do.
	 */
	private static Optional<ExerciseId> nearestAllowedEasier(Catalogue catalogue, SafetyAssessment assessment,
			ExerciseId from, String family, Map<ExerciseId, LocalDate> leftOut) {
		Set<ExerciseId> seen = new HashSet<>(Set.of(from));
		Optional<Exercise> current = catalogue.find(from);
		while (current.isPresent()) {
			current = current.get().easierVariant().flatMap(catalogue::find)
				.filter(candidate -> candidate.family().equals(family) && seen.add(candidate.id()));
			if (current.isPresent() && allowed(assessment, current.get().id()) && !leftOut.containsKey(current.get().id())) {
				return Optional.of(current.get().id());
			}
		}
		return Optional.empty();
	}

	private static List<String> familiesDone(Catalogue catalogue, List<SessionOutcome> sessions) {
		var families = new TreeSet<String>();
		for (SessionOutcome session : sessions) {
			for (ExerciseId id : session.done()) {
				catalogue.find(id).ifPresent(exercise -> families.add(exercise.family()));
			}
		}
		return List.copyOf(families);
	}

	/** Decides one family; returns the rule that decided it. */
	private static LearningRule decide(Catalogue catalogue, PlanRequest request, SafetyAssessment assessment,
			String family, List<SessionOutcome> evidence, @Nullable Double painChange, Map<ExerciseId, LocalDate> leftOut,
			Map<String, Prescription> prescriptions, List<Change> changes, boolean mayProgress) {
		// Her last two sessions with this family, latest first, and what she did of it last.
		var withFamily = new ArrayList<SessionOutcome>();
		@Nullable ExerciseId lastDone = null;
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
		if (lastDone == null) {
			return LearningRule.HOLD_MIXED;
		}
		Prescription current = prescriptions.getOrDefault(family, new Prescription(lastDone, 0));
		if (leftOut.containsKey(current.exercise()) || !allowed(assessment, current.exercise())) {
			return LearningRule.HOLD_MIXED;
		}
		SessionOutcome last = withFamily.get(0);
		@Nullable SessionOutcome before = withFamily.size() > 1 ? withFamily.get(1) : null;
		LearningRule rule = rule(catalogue, family, last, before, painChange);
		Exercise exercise = catalogue.find(current.exercise()).orElseThrow();
		// Breathing and relaxation are how she arrives and settles: they are eased off when they hurt, never made harder.
		boolean progressable = mayProgress && exercise.category() != Category.BREATHING
				&& exercise.category() != Category.RELAXATION;
		if (rule == LearningRule.HOLD_MIXED || (rule == LearningRule.PROGRESS_EASY_TWICE && !progressable)) {
			// Held: the variant she did stays hers, so nothing in the family gets harder on its own either.
			prescriptions.putIfAbsent(family, current);
			return LearningRule.HOLD_MIXED;
		}
		if (rule == LearningRule.PROGRESS_EASY_TWICE) {
			progress(catalogue, exercise, current, request, assessment, family, leftOut, prescriptions, changes);
		}
		else {
			easeOff(catalogue, rule, exercise, current, assessment, family, leftOut, prescriptions, changes);
		}
		return rule;
	}

	/** The first rule of the table that matches a family (leaving out is decided before, across families). */
	static LearningRule rule(Catalogue catalogue, String family, SessionOutcome last, @Nullable SessionOutcome before,
			@Nullable Double painChange) {
		if (last.painful().stream().anyMatch(id -> inFamily(catalogue, id, family))) {
			return LearningRule.EASE_OFF_MARKED_PAINFUL;
		}
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
		boolean easyTwice = before != null && last.felt() == Feedback.TOO_EASY && before.felt() == Feedback.TOO_EASY
				&& before.painful().stream().noneMatch(id -> inFamily(catalogue, id, family))
				&& before.madeEasier().stream().noneMatch(id -> inFamily(catalogue, id, family));
		boolean painNotUp = (painChange == null || painChange <= 0) && notRisen(last) && notRisen(before);
		return easyTwice && painNotUp ? LearningRule.PROGRESS_EASY_TWICE : LearningRule.HOLD_MIXED;
	}

	private static boolean notRisen(@Nullable SessionOutcome session) {
		Integer rise = session == null ? null : session.painRise();
		return rise == null || rise <= 0;
	}

	/** Sets taken away come back first; then the harder variant of the family; then one more set. */
	private static void progress(Catalogue catalogue, Exercise exercise, Prescription current, PlanRequest request,
			SafetyAssessment assessment, String family, Map<ExerciseId, LocalDate> leftOut,
			Map<String, Prescription> prescriptions, List<Change> changes) {
		LearningRule rule = LearningRule.PROGRESS_EASY_TWICE;
		if (current.setDelta() < 0) {
			prescriptions.put(family, new Prescription(current.exercise(), current.setDelta() + 1));
			changes.add(new Change(rule, Step.MORE_SETS, current.exercise(), null));
			return;
		}
		Optional<ExerciseId> harder = exercise.harderVariant()
			.flatMap(catalogue::find)
			.filter(candidate -> candidate.family().equals(family) && allowed(assessment, candidate.id())
					&& !leftOut.containsKey(candidate.id()) && !cautioned(assessment, candidate.id())
					&& !(candidate.category() == Category.STRENGTH && request.age().trimester() == Trimester.THIRD))
			.map(Exercise::id);
		if (harder.isPresent()) {
			prescriptions.put(family, new Prescription(harder.get(), 0));
			changes.add(new Change(rule, Step.HARDER, current.exercise(), harder.get()));
			return;
		}
		if (setDeltaAllowed(exercise, current.setDelta() + 1, request, assessment) > current.setDelta()) {
			prescriptions.put(family, new Prescription(current.exercise(), current.setDelta() + 1));
			changes.add(new Change(rule, Step.MORE_SETS, current.exercise(), null));
			return;
		}
		changes.add(new Change(rule, Step.HELD, current.exercise(), null));
	}

	/** Extra sets go first; then the easier variant of the family; then one set fewer; the gentlest is held. */
	private static void easeOff(Catalogue catalogue, LearningRule rule, Exercise exercise, Prescription current,
			SafetyAssessment assessment, String family, Map<ExerciseId, LocalDate> leftOut,
			Map<String, Prescription> prescriptions, List<Change> changes) {
		if (current.setDelta() > 0) {
			prescriptions.put(family, new Prescription(current.exercise(), current.setDelta() - 1));
			changes.add(new Change(rule, Step.FEWER_SETS, current.exercise(), null));
			return;
		}
		Optional<ExerciseId> easier = exercise.easierVariant()
			.flatMap(catalogue::find)
			.filter(candidate -> candidate.family().equals(family) && allowed(assessment, candidate.id())
					&& !leftOut.containsKey(candidate.id()))
			.map(Exercise::id);
		if (easier.isPresent()) {
			prescriptions.put(family, new Prescription(easier.get(), 0));
			changes.add(new Change(rule, Step.EASIER, current.exercise(), easier.get()));
			return;
		}
		if (exercise.dose().kind() != Dose.Kind.MINUTES && exercise.dose().sets() + current.setDelta() > 1) {
			prescriptions.put(family, new Prescription(current.exercise(), current.setDelta() - 1));
			changes.add(new Change(rule, Step.FEWER_SETS, current.exercise(), null));
			return;
		}
		changes.add(new Change(rule, Step.HELD, current.exercise(), null));
	}

	/**
	 * The plan's size: what she asked for at most; after a first plan kept small (rule book v2), one step more a
	 * week when she did every session of her plan the week before, none felt too hard, pain did not rise by 2 and
	 * she noted no warning sign.
	 */
	private static PlanSize size(PlanRequest request, @Nullable LearnedWeek previous, History history,
			LocalDate weekStart, @Nullable Double painChange, boolean warningSign, List<Change> changes) {
		PlanSize first = PlanGenerator.firstPlanLimit(request.priorActivity());
		int askedMinutes = request.minutesPerSession();
		int askedSessions = request.sessionsPerWeek();
		if (previous == null) {
			return new PlanSize(Math.min(askedMinutes, first.minutes()), Math.min(askedSessions, first.sessions()));
		}
		int minutes = Math.min(askedMinutes, previous.minutesPerSession());
		int sessions = Math.min(askedSessions, previous.sessionsPerWeek());
		if (minutes == askedMinutes && sessions == askedSessions) {
			return new PlanSize(minutes, sessions);
		}
		if (warningSign) {
			changes.add(new Change(LearningRule.HOLD_AFTER_WARNING_SIGN, Step.SIZE_HELD, null, null));
			return new PlanSize(minutes, sessions);
		}
		List<SessionOutcome> weekBefore = history.sessions()
			.stream()
			.filter(session -> session.ofHerPlan() && session.day().isBefore(weekStart)
					&& !session.day().isBefore(weekStart.minusDays(7)))
			.toList();
		boolean complete = weekBefore.size() >= previous.sessionsPerWeek();
		boolean easyEnough = (painChange == null || painChange < PAIN_RISE)
				&& weekBefore.stream().noneMatch(session -> session.felt() == Feedback.TOO_HARD || session.warningSigns());
		if (!complete || !easyEnough) {
			changes.add(new Change(LearningRule.HOLD_SIZE, Step.SIZE_HELD, null, null));
			return new PlanSize(minutes, sessions);
		}
		if (minutes < askedMinutes) {
			changes.add(new Change(LearningRule.GROW_ONE_STEP, Step.MORE_MINUTES, null, null));
			return new PlanSize(Math.min(askedMinutes, minutes + MINUTES_STEP), sessions);
		}
		changes.add(new Change(LearningRule.GROW_ONE_STEP, Step.MORE_SESSIONS, null, null));
		return new PlanSize(minutes, sessions + 1);
	}

	/**
	 * Her worst pain on average over the last 7 days minus the 7 days before; null when either has no reading.
	 * A day's reading is the diary's, or else the highest pain she gave before a session that day.
	 */
	static @Nullable Double painChange(History history, LocalDate today) {
		TreeMap<LocalDate, Integer> byDay = readings(history);
		double recent = average(byDay, today.minusDays(6), today);
		double earlier = average(byDay, today.minusDays(13), today.minusDays(7));
		return Double.isNaN(recent) || Double.isNaN(earlier) ? null : recent - earlier;
	}

	/**
	 * Her worst pain of the last 7 days, from every reading: the diary, and before and after each session (0 when
	 * there is none). Strong pain makes nothing harder.
	 */
	static int recentWorstPain(History history, LocalDate today) {
		int worst = 0;
		for (SessionOutcome session : history.sessions()) {
			if (!session.day().isBefore(today.minusDays(6)) && !session.day().isAfter(today)) {
				worst = Math.max(worst, Math.max(orZero(session.painBefore()), orZero(session.painAfter())));
			}
		}
		for (History.PainReading reading : history.pain()) {
			if (!reading.day().isBefore(today.minusDays(6)) && !reading.day().isAfter(today)) {
				worst = Math.max(worst, reading.worst());
			}
		}
		return worst;
	}

	private static int orZero(@Nullable Integer value) {
		return value == null ? 0 : value;
	}

	private static TreeMap<LocalDate, Integer> readings(History history) {
		var byDay = new TreeMap<LocalDate, Integer>();
		for (SessionOutcome session : history.sessions()) {
			if (session.painBefore() != null) {
				byDay.merge(session.day(), session.painBefore(), Math::max);
			}
		}
		history.pain().forEach(reading -> byDay.put(reading.day(), reading.worst()));
		return byDay;
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

	private static boolean cautioned(SafetyAssessment assessment, ExerciseId id) {
		return assessment.verdict(id).map(verdict -> !verdict.cautions().isEmpty()).orElse(true);
	}

}
