package org.carrywell.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Trimester;
import org.carrywell.planning.WeeklyPlan.Item;
import org.carrywell.planning.WeeklyPlan.LeftOut;
import org.carrywell.planning.WeeklyPlan.Note;
import org.carrywell.planning.WeeklyPlan.NoteKind;
import org.carrywell.planning.WeeklyPlan.Reason;
import org.carrywell.planning.WeeklyPlan.ReasonKind;
import org.carrywell.planning.WeeklyPlan.Session;
import org.carrywell.safety.ExerciseRules;
import org.carrywell.safety.ExerciseVerdict;
import org.carrywell.safety.SafetyAssessment;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;

/**
 * Builds a week of short sessions. Only exercises the safety engine allows are candidates. The week:
 * exactly {@code sessionsPerWeek} sessions on spread days (fewer, and shorter, for a first plan of someone who was
 * not active: rule book v2); each painful area is the focus of at least two sessions (of every session when there
 * are fewer than three), more sessions for more pain; no exercise in two sessions in a row unless nothing else
 * fits. Each session is chosen exactly by {@link SessionSelector}, holds at most 8 exercises (6, and at most 2 for
 * strength, when the plan is gentle), spends extra minutes on more sets rather than more exercises, and is grouped
 * by position so that she gets down to the floor at most once. The value of an exercise is documented in
 * docs/adr/0004-plan-objective.md.
 */
public final class PlanGenerator {

	/** From this pain on, the plan is gentler. */
	public static final int STRONG_PAIN = 7;

	/** The most exercises one session holds (rule book v2): more minutes buy more sets, never more exercises. */
	public static final int MAX_EXERCISES = 8;

	/** The most exercises one session of a gentle plan holds. */
	public static final int MAX_EXERCISES_GENTLE = 6;

	/** The most strength exercises one session of a gentle plan holds. */
	public static final int MAX_STRENGTH_GENTLE = 2;

	/** The most sets an exercise is given, however long the session. */
	static final int MAX_SETS = 4;

	/** The most sets a strength exercise is given. */
	static final int MAX_STRENGTH_SETS = 3;

	/** The most pain areas one session must target: each doubles the solver's work. */
	static final int MAX_REQUIRED_AREAS = 3;

	/**
	 * Positions in the order a session visits them: off the floor first (seated, standing, at the wall), then down
	 * to the floor once (kneeling and all fours, sitting, lying), so that she gets down and up as few times as
	 * possible.
	 */
	public static final List<Position> POSITION_ORDER = List.of(Position.SEATED_CHAIR, Position.SEATED_BALL,
			Position.STANDING, Position.WALL_SUPPORTED, Position.KNEELING, Position.HALF_KNEELING, Position.ALL_FOURS,
			Position.SEATED_FLOOR, Position.SIDE_LYING, Position.SEMI_RECLINED, Position.SUPINE, Position.PRONE);

	/** Which days of the week (1 = Monday) the sessions fall on: never more than two days in a row where avoidable. */
	static final int[][] DAYS = { {}, { 1 }, { 1, 4 }, { 1, 3, 5 }, { 1, 3, 5, 7 }, { 1, 2, 4, 5, 7 },
			{ 1, 2, 3, 5, 6, 7 }, { 1, 2, 3, 4, 5, 6, 7 } };

	private static final int BASE_VALUE = 4;

	private PlanGenerator() {
	}

	/**
	 * The size of a first plan (rule book v2): at most 15 minutes × 3 sessions for someone inactive (or who did not
	 * say), 20 × 4 for someone somewhat active; as chosen for someone active.
	 */
	static PlanSize firstPlanLimit(@Nullable PriorActivity activity) {
		if (activity == PriorActivity.ACTIVE) {
			return new PlanSize(PlanRequest.MAX_MINUTES, PlanRequest.MAX_SESSIONS);
		}
		return activity == PriorActivity.SOME ? new PlanSize(20, 4) : new PlanSize(15, 3);
	}

	public static WeeklyPlan generate(Catalogue catalogue, PlanRequest asked) {
		SafetyAssessment assessment = ExerciseRules.assess(catalogue, asked.safetyContext());
		// A member's learned week, as far as the engine and the rule book allow it today (the last line of defence:
		// the learning rules already keep to both).
		PlanRequest request = asked.learned() == null ? asked
				: asked.learning(withinTodaysLimits(catalogue, asked.learned(), assessment, asked));
		var leftOut = leftOut(assessment, request);
		var notes = new ArrayList<Note>();
		LearnedWeek learned = request.learned();
		// A member's learned week carries the size her plan has grown to (one step a week at most); without one,
		// the first plan's limit applies.
		PlanSize limit = learned == null ? firstPlanLimit(request.priorActivity())
				: new PlanSize(learned.minutesPerSession(), learned.sessionsPerWeek());
		List<LearnedWeek.Change> changes = learned == null ? List.of() : learned.changes();
		int minutes = Math.min(request.minutesPerSession(), limit.minutes());
		int sessionCount = Math.min(request.sessionsPerWeek(), limit.sessions());
		if (request.screening() == ScreeningOutcome.NOT_ADVISED) {
			notes.add(new Note(NoteKind.NOT_ADVISED, ""));
			return new WeeklyPlan(WeeklyPlan.Status.NOT_ADVISED, request.age(), List.of(), leftOut, notes, minutes,
					sessionCount, List.of(), setAside(request));
		}
		boolean sizeExplained = changes.stream().anyMatch(LearnedWeek.Change::aboutTheSize);
		if ((minutes < request.minutesPerSession() || sessionCount < request.sessionsPerWeek()) && !sizeExplained) {
			notes.add(new Note(NoteKind.FIRST_PLAN_CAPPED,
					request.priorActivity() == null ? "" : request.priorActivity().name()));
		}
		if (request.screening() == ScreeningOutcome.CLEARANCE_NEEDED) {
			notes.add(new Note(NoteKind.CLEARANCE_NEEDED, ""));
		}
		if (request.gentle()) {
			notes.add(new Note(NoteKind.GENTLE, ""));
		}
		request.pinned()
			.stream()
			.sorted()
			.filter(id -> !request.excluded().contains(id))
			.filter(id -> assessment.verdict(id).map(verdict -> !verdict.allowed()).orElse(true))
			.forEach(id -> notes.add(new Note(NoteKind.PINNED_NOT_ALLOWED, id.value())));

		// Keyed by id: hashing a whole exercise (all its text) in the hot path would dominate the generator's time.
		Map<ExerciseId, Exercise> replaced = new LinkedHashMap<>();
		List<Exercise> candidates = candidates(catalogue, assessment, request, replaced);
		List<Exercise> pinned = pinnedMovements(request, assessment, candidates, notes);
		List<PainArea> painful = request.pain()
			.entrySet()
			.stream()
			.filter(entry -> entry.getValue() > 0)
			.sorted(Map.Entry.<PainArea, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.toList();
		painful.stream()
			.filter(area -> candidates.stream().noneMatch(e -> e.weightFor(area) > 0))
			.forEach(area -> notes.add(new Note(NoteKind.AREA_NOT_COVERED, area.name())));
		List<PainArea> coverable = painful.stream()
			.filter(area -> candidates.stream().anyMatch(e -> e.weightFor(area) > 0))
			.toList();

		List<Set<PainArea>> focus = focusPerSession(coverable, request, sessionCount);
		// Exercises allowed only with a caution (short holds on the back) are never given more than their file's dose.
		Set<ExerciseId> cautioned = new HashSet<>();
		assessment.verdicts()
			.stream()
			.filter(verdict -> verdict.allowed() && !verdict.cautions().isEmpty())
			.forEach(verdict -> cautioned.add(verdict.exercise().id()));
		var sessions = new ArrayList<Session>();
		Set<ExerciseId> previous = Set.of();
		Map<ExerciseId, Integer> usedThisWeek = new HashMap<>();
		int budget = minutes * 60 / Candidate.SECONDS_PER_UNIT;
		for (int s = 0; s < sessionCount; s++) {
			Set<PainArea> required = focus.get(s);
			Optional<SessionSelector.Selection> selection = select(candidates, pinned, previous, usedThisWeek, required,
					budget, request);
			var chosen = selection.map(SessionSelector.Selection::chosen).orElse(List.of());
			var dosed = longer(chosen, budget, required, request, cautioned);
			var items = order(dosed).stream().map(c -> item(c, required, request, replaced, assessment)).toList();
			int seconds = items.stream().mapToInt(Item::seconds).sum();
			sessions.add(new Session(DAYS[sessionCount][s], required.stream().sorted().toList(), markEnds(items),
					seconds >= SessionSelector.FILL * minutes * 60));
			previous = new HashSet<>(chosen.stream().map(c -> c.exercise().id()).toList());
			chosen.forEach(c -> usedThisWeek.merge(c.exercise().id(), 1, Integer::sum));
		}
		WeeklyPlan.Status status = request.screening() == ScreeningOutcome.CLEARED ? WeeklyPlan.Status.READY
				: WeeklyPlan.Status.CLEARANCE_NEEDED;
		return new WeeklyPlan(status, request.age(), sessions, leftOut, notes, minutes, sessionCount, changes,
				setAside(request));
	}

	/** An exercise with the dose this session gives it. */
	private record Dosed(Exercise exercise, Dose dose) {

		int units() {
			return Candidate.unitsFor(dose.durationSeconds());
		}

	}

	/**
	 * More minutes buy more sets or longer relaxation, never more exercises (rule book v2): one step at a time,
	 * spread round the session (the exercise given the fewest extra steps so far, then the one where a minute
	 * serves her best), while the session has room. See {@link #oneStepMore} for what each exercise may take.
	 */
	private static List<Dosed> longer(List<Candidate> chosen, int budget, Set<PainArea> required, PlanRequest request,
			Set<ExerciseId> cautioned) {
		var worth = new Worth(required, request);
		var dosed = new ArrayList<Dosed>();
		for (Candidate candidate : chosen) {
			dosed.add(new Dosed(candidate.exercise(), dose(candidate.exercise(), request)));
		}
		int size = dosed.size();
		int[] steps = new int[size];
		int[] relevance = new int[size];
		// Each exercise's next step depends on its own dose only, so it is worked out again only when taken.
		Dosed[] nextStep = new Dosed[size];
		for (int i = 0; i < size; i++) {
			relevance[i] = worth.relevance(dosed.get(i).exercise());
			nextStep[i] = cautioned.contains(dosed.get(i).exercise().id()) ? null : oneStepMore(dosed.get(i), request);
		}
		int used = dosed.stream().mapToInt(Dosed::units).sum();
		while (true) {
			int bestIndex = -1;
			for (int i = 0; i < size; i++) {
				Dosed step = nextStep[i];
				if (step == null || used - dosed.get(i).units() + step.units() > budget) {
					continue;
				}
				boolean better = bestIndex < 0 || steps[i] < steps[bestIndex]
						|| (steps[i] == steps[bestIndex] && relevance[i] > relevance[bestIndex]);
				if (better) {
					bestIndex = i;
				}
			}
			if (bestIndex < 0) {
				return dosed;
			}
			Dosed taken = nextStep[bestIndex];
			used += taken.units() - dosed.get(bestIndex).units();
			dosed.set(bestIndex, taken);
			steps[bestIndex]++;
			nextStep[bestIndex] = oneStepMore(taken, request);
		}
	}

	private static @Nullable Dosed oneStepMore(Dosed dosed, PlanRequest request) {
		Dose more = oneStepMore(dosed.exercise(), dosed.dose(), request);
		return more == null ? null : new Dosed(dosed.exercise(), more);
	}

	/**
	 * One more set, or half as many minutes again for a timed exercise (at most twice the file's). Strength work
	 * takes at most one set more than its file, and three in all, and none when the plan is gentle or in the third
	 * trimester: tired muscles invite holding the breath. Other exercises take at most two more, {@link #MAX_SETS}
	 * in all.
	 */
	private static @Nullable Dose oneStepMore(Exercise exercise, Dose dose, PlanRequest request) {
		Dose base = exercise.dose();
		boolean strength = exercise.category() == Category.STRENGTH;
		if (strength && (request.gentle() || request.age().trimester() == Trimester.THIRD)) {
			return null;
		}
		Dose more;
		if (dose.kind() == Dose.Kind.MINUTES) {
			int minutes = dose.minutes() + Math.max(1, base.minutes() / 2);
			if (minutes > 2 * base.minutes()) {
				return null;
			}
			more = new Dose(dose.sets(), null, null, null, minutes, null, dose.restSeconds(), dose.perSide());
		}
		else {
			int maxSets = strength ? Math.min(MAX_STRENGTH_SETS, base.sets() + 1) : Math.min(MAX_SETS, base.sets() + 2);
			if (dose.sets() >= maxSets) {
				return null;
			}
			more = new Dose(dose.sets() + 1, dose.reps(), dose.holdSeconds(), dose.breaths(), dose.minutes(),
					dose.secondsPerRep(), dose.restSeconds(), dose.perSide());
		}
		return more.durationSeconds() <= Dose.MAX_SECONDS ? more : null;
	}

	/**
	 * The hard constraints, relaxed only when they cannot be met: first without the exercises of the session
	 * before, then with them; then without the required areas. Within them, an exercise already given earlier in
	 * the week is worth a little less each time ({@link #REPEAT_DISCOUNT_PERCENT}), so that sessions of a week are
	 * not copies of each other when other safe choices serve her almost as well.
	 */
	private static Optional<SessionSelector.Selection> select(List<Exercise> exercises, List<Exercise> pinned,
			Set<ExerciseId> previous, Map<ExerciseId, Integer> usedThisWeek, Set<PainArea> required, int budget,
			PlanRequest request) {
		var worth = new Worth(required, request);
		List<Candidate> forced = fitting(pinned, budget, worth, request);
		List<Candidate> all = exercises.stream()
			.filter(e -> !pinned.contains(e))
			.map(e -> discounted(candidate(e, worth, request), usedThisWeek.getOrDefault(e.id(), 0)))
			.toList();
		List<Candidate> fresh = all.stream().filter(c -> !previous.contains(c.exercise().id())).toList();
		int maxItems = request.gentle() ? MAX_EXERCISES_GENTLE : MAX_EXERCISES;
		int maxStrength = request.gentle() ? MAX_STRENGTH_GENTLE : MAX_EXERCISES;
		return SessionSelector.solve(new SessionSelector.Problem(fresh, budget, required, forced, maxItems, maxStrength))
			.or(() -> SessionSelector.solve(new SessionSelector.Problem(all, budget, required, forced, maxItems, maxStrength)))
			.or(() -> SessionSelector.solve(new SessionSelector.Problem(all, budget, Set.of(), forced, maxItems, maxStrength)))
			.or(() -> SessionSelector.solve(new SessionSelector.Problem(all, budget, Set.of(), List.of(), maxItems, maxStrength)));
	}

	/**
	 * Each earlier use of an exercise in the week takes this share off its value, down to half, so that another
	 * safe choice — another movement, or another variant of the same one the engine allows her — takes its turn.
	 * A family her learned week prescribes offers only its prescribed variant, so the rotation never undoes what
	 * the learning rules decided. Breathing and relaxation are not discounted: arriving and finishing the same way
	 * every time is part of the routine.
	 */
	static final int REPEAT_DISCOUNT_PERCENT = 15;

	private static Candidate discounted(Candidate candidate, int earlierUses) {
		Category category = candidate.exercise().category();
		if (earlierUses == 0 || category == Category.BREATHING || category == Category.RELAXATION) {
			return candidate;
		}
		int percent = Math.max(50, 100 - REPEAT_DISCOUNT_PERCENT * earlierUses);
		return new Candidate(candidate.exercise(), candidate.units(), candidate.value() * percent / 100);
	}

	/** Pinned exercises that fit in the session together, in id order. */
	private static List<Candidate> fitting(List<Exercise> pinned, int budget, Worth worth, PlanRequest request) {
		var forced = new ArrayList<Candidate>();
		var families = new HashSet<String>();
		int used = 0;
		for (Exercise exercise : pinned.stream().sorted(Comparator.comparing(Exercise::id)).toList()) {
			Candidate candidate = candidate(exercise, worth, request);
			if (used + candidate.units() <= budget && families.add(exercise.family())) {
				forced.add(candidate);
				used += candidate.units();
			}
		}
		return forced;
	}

	/**
	 * What her provider pinned, as the plan keeps it: the movement (the exercise's family) goes into every session
	 * it fits, but the version and its sets are still the plan's own choice, so easing off after pain, a warning
	 * sign or "too hard" holds for a pinned movement too. A pin the engine forbids her is noted and keeps nothing
	 * (never played); one the learning rules rest this week (marked painful twice) is noted and waits.
	 */
	private static List<Exercise> pinnedMovements(PlanRequest request, SafetyAssessment assessment,
			List<Exercise> candidates, List<Note> notes) {
		var forced = new ArrayList<Exercise>();
		LearnedWeek learned = request.learned();
		for (ExerciseId id : request.pinned().stream().sorted().toList()) {
			Optional<ExerciseVerdict> verdict = assessment.verdict(id);
			if (verdict.isEmpty() || !verdict.get().allowed() || request.excluded().contains(id)) {
				continue;
			}
			Exercise exercise = verdict.get().exercise();
			Optional<Exercise> kept = candidates.stream()
				.filter(candidate -> candidate.id().equals(id))
				.findFirst()
				.or(() -> candidates.stream().filter(candidate -> candidate.family().equals(exercise.family())).findFirst());
			if (kept.isPresent()) {
				if (forced.stream().noneMatch(other -> other.family().equals(exercise.family()))) {
					forced.add(kept.get());
				}
			}
			else if (learned != null && learned.leftOut().containsKey(id)) {
				notes.add(new Note(NoteKind.PINNED_RESTED, id.value()));
			}
		}
		return forced;
	}

	/** What her provider left out and what the learning rules rest this week. */
	private static Set<ExerciseId> setAside(PlanRequest request) {
		var ids = new HashSet<>(request.excluded());
		if (request.learned() != null) {
			ids.addAll(request.learned().leftOut().keySet());
		}
		return ids;
	}

	/** The families of the pins the engine allows her: their items say they are there at her provider's request. */
	private static Set<String> pinnedFamilies(PlanRequest request, SafetyAssessment assessment) {
		var families = new HashSet<String>();
		for (ExerciseId id : request.pinned()) {
			assessment.verdict(id)
				.filter(ExerciseVerdict::allowed)
				.filter(verdict -> !request.excluded().contains(id))
				.ifPresent(verdict -> families.add(verdict.exercise().family()));
		}
		return families;
	}

	/**
	 * The exercises a plan may use: allowed, not excluded by her provider or left out by the learning rules, not
	 * cardio, moved along easier/harder links. A family the learning rules prescribed a variant for offers only
	 * that variant, as long as the engine allows it her today.
	 */
	private static List<Exercise> candidates(Catalogue catalogue, SafetyAssessment assessment, PlanRequest request,
			Map<ExerciseId, Exercise> replaced) {
		Set<ExerciseId> allowed = new HashSet<>(assessment.allowedExercises().stream().map(Exercise::id).toList());
		LearnedWeek learned = request.learned();
		var result = new LinkedHashMap<ExerciseId, Exercise>();
		for (Exercise exercise : assessment.allowedExercises()) {
			if (exercise.category() == Category.CARDIO || request.excluded().contains(exercise.id())) {
				continue;
			}
			if (learned != null && learned.leftOut().containsKey(exercise.id())) {
				continue;
			}
			LearnedWeek.Prescription prescription = learned == null ? null
					: learned.prescriptions().get(exercise.family());
			if (prescription != null && allowed.contains(prescription.exercise())) {
				if (!prescription.exercise().equals(exercise.id())) {
					continue;
				}
				result.putIfAbsent(exercise.id(), exercise);
				continue;
			}
			Exercise chosen = adjusted(exercise, catalogue, allowed, request);
			if (!chosen.equals(exercise)) {
				replaced.put(chosen.id(), exercise);
			}
			if (!request.excluded().contains(chosen.id())) {
				result.putIfAbsent(chosen.id(), chosen);
			}
		}
		return List.copyOf(result.values());
	}

	private static Exercise adjusted(Exercise exercise, Catalogue catalogue, Set<ExerciseId> allowed, PlanRequest request) {
		PlanAdjustment adjustment = request.adjustment();
		if (adjustment == null) {
			return exercise;
		}
		Optional<ExerciseId> link = adjustment.easeOff() ? exercise.easierVariant()
				: adjustment.stepUp() ? exercise.harderVariant() : Optional.empty();
		return link.filter(allowed::contains).flatMap(catalogue::find).orElse(exercise);
	}

	/**
	 * The value of an exercise in a session: its minutes times how well a minute of it serves her now. That
	 * relevance is a base, plus a bonus for its category that shifts towards mobility, relaxation and breathing
	 * when the plan is gentle, plus, for each pain area, the area's weight in this session times how strongly
	 * the exercise targets it. Valuing time rather than count keeps sessions to a few unhurried exercises
	 * instead of many short ones.
	 */
	private static int value(Exercise exercise, int units, Worth worth) {
		return units * worth.relevance(exercise);
	}

	/**
	 * The weights {@link #value} uses, worked out once for a session rather than once per exercise and step: the
	 * generator values every candidate of every session, and each dose step again.
	 */
	private static final class Worth {

		private static final PainArea[] AREAS = PainArea.values();

		private final int[] weightByArea = new int[AREAS.length];

		private final boolean gentle;

		Worth(Set<PainArea> required, PlanRequest request) {
			boolean nothingHurts = request.maxPain() == 0;
			this.gentle = request.gentle();
			for (PainArea area : AREAS) {
				weightByArea[area.ordinal()] = areaWeight(area, required, request, nothingHurts);
			}
		}

		/** What a minute of the exercise is worth in this session. */
		int relevance(Exercise exercise) {
			int relevance = BASE_VALUE + categoryBonus(exercise.category(), gentle);
			for (var target : exercise.targets().entrySet()) {
				relevance += weightByArea[target.getKey().ordinal()] * target.getValue();
			}
			return relevance;
		}

	}

	/** Twice the pain for a focus area of the session, half of it for other painful areas; 1 each when nothing hurts. */
	static int areaWeight(PainArea area, Set<PainArea> required, PlanRequest request, boolean nothingHurts) {
		if (nothingHurts) {
			return 1;
		}
		int pain = request.pain().getOrDefault(area, 0);
		return required.contains(area) ? 2 * pain : (pain + 1) / 2;
	}

	static int categoryBonus(Category category, boolean gentle) {
		return switch (category) {
			case BREATHING -> gentle ? 8 : 4;
			case MOBILITY -> gentle ? 9 : 6;
			case STRENGTH -> gentle ? 1 : 6;
			case STRETCH -> gentle ? 6 : 5;
			case RELAXATION -> gentle ? 8 : 3;
			case CARDIO -> 0;
		};
	}

	private static Candidate candidate(Exercise exercise, Worth worth, PlanRequest request) {
		int units = Candidate.unitsFor(dose(exercise, request).durationSeconds());
		return new Candidate(exercise, units, value(exercise, units, worth));
	}

	/**
	 * The file's dose, with the sets the learning rules prescribed more or fewer (never below one), and one set
	 * fewer of strength work in a gentle plan.
	 */
	static Dose dose(Exercise exercise, PlanRequest request) {
		Dose dose = exercise.dose();
		int sets = dose.sets() + learnedSetDelta(exercise, request);
		if (request.gentle() && exercise.category() == Category.STRENGTH) {
			sets--;
		}
		sets = Math.max(1, sets);
		if (sets == dose.sets() || dose.kind() == Dose.Kind.MINUTES) {
			return dose;
		}
		return new Dose(sets, dose.reps(), dose.holdSeconds(), dose.breaths(), dose.minutes(), dose.secondsPerRep(),
				dose.restSeconds(), dose.perSide());
	}

	private static int learnedSetDelta(Exercise exercise, PlanRequest request) {
		LearnedWeek learned = request.learned();
		LearnedWeek.Prescription prescription = learned == null ? null : learned.prescriptions().get(exercise.family());
		return prescription != null && prescription.exercise().equals(exercise.id()) ? prescription.setDelta() : 0;
	}

	/**
	 * Which areas each session must target, at most {@link #MAX_REQUIRED_AREAS} (the most painful first): every
	 * painful area in every session when there are fewer than three; otherwise each area in at least two sessions
	 * (as far as three a session allow), more for more pain, spread evenly.
	 */
	static List<Set<PainArea>> focusPerSession(List<PainArea> painful, PlanRequest request, int sessions) {
		var focus = new ArrayList<Set<PainArea>>();
		if (sessions < 3) {
			for (int s = 0; s < sessions; s++) {
				focus.add(Set.copyOf(painful.stream().limit(MAX_REQUIRED_AREAS).toList()));
			}
			return focus;
		}
		int maxPain = Math.max(1, request.maxPain());
		var remaining = new EnumMap<PainArea, Integer>(PainArea.class);
		for (PainArea area : painful) {
			int share = Math.round((float) sessions * request.pain().get(area) / maxPain);
			remaining.put(area, Math.max(2, Math.min(sessions, share)));
		}
		int needs = remaining.values().stream().mapToInt(Integer::intValue).sum();
		int perSession = Math.min(MAX_REQUIRED_AREAS, Math.max(3, (needs + sessions - 1) / sessions));
		for (int s = 0; s < sessions; s++) {
			int left = sessions - s;
			var session = new HashSet<PainArea>();
			// Areas that need every remaining session come first, then the most needed, then the most painful.
			remaining.entrySet()
				.stream()
				.filter(entry -> entry.getValue() > 0)
				.sorted(Comparator.<Map.Entry<PainArea, Integer>>comparingInt(entry -> entry.getValue() >= left ? 0 : 1)
					.thenComparing(Map.Entry.<PainArea, Integer>comparingByValue().reversed())
					.thenComparing(entry -> -request.pain().get(entry.getKey()))
					.thenComparing(Map.Entry::getKey))
				.limit(perSession)
				.forEach(entry -> session.add(entry.getKey()));
			session.forEach(area -> remaining.merge(area, -1, Integer::sum));
			focus.add(Set.copyOf(session));
		}
		return focus;
	}

	/**
	 * Grouped by position in {@link #POSITION_ORDER}, so that the floor comes once, at the end; within a position,
	 * breathing, then mobility, strength, stretch and relaxation. The first breathing exercise done off the floor
	 * then comes first of all, to arrive (moving between chair and standing costs nothing); any other stays in
	 * place, to finish.
	 */
	private static List<Dosed> order(List<Dosed> chosen) {
		var ordered = new ArrayList<>(chosen.stream()
			.sorted(Comparator.comparing((Dosed d) -> POSITION_ORDER.indexOf(d.exercise().position()))
				.thenComparing(d -> d.exercise().category())
				.thenComparing(d -> d.exercise().id()))
			.toList());
		for (int i = 0; i < ordered.size(); i++) {
			Exercise exercise = ordered.get(i).exercise();
			if (exercise.category() == Category.BREATHING && !exercise.position().onTheFloor()) {
				ordered.add(0, ordered.remove(i));
				break;
			}
		}
		return ordered;
	}

	/**
	 * A learned week as today allows it: prescriptions of variants the engine no longer allows her are dropped (the
	 * family is chosen freely again), and sets are kept within today's limits.
	 */
	private static LearnedWeek withinTodaysLimits(Catalogue catalogue, LearnedWeek learned,
			SafetyAssessment assessment, PlanRequest request) {
		var prescriptions = new LinkedHashMap<String, LearnedWeek.Prescription>();
		learned.prescriptions().forEach((family, prescription) -> catalogue.find(prescription.exercise())
			.filter(exercise -> exercise.family().equals(family) && Learning.allowed(assessment, exercise.id()))
			.ifPresent(exercise -> prescriptions.put(family, new LearnedWeek.Prescription(exercise.id(),
					Learning.setDeltaAllowed(exercise, prescription.setDelta(), request, assessment)))));
		return new LearnedWeek(learned.weekStart(), learned.decidedAt(), prescriptions, learned.leftOut(),
				learned.minutesPerSession(), learned.sessionsPerWeek(), learned.changes());
	}

	private static Item item(Dosed dosed, Set<PainArea> required, PlanRequest request,
			Map<ExerciseId, Exercise> replaced, SafetyAssessment assessment) {
		Exercise exercise = dosed.exercise();
		var reasons = new ArrayList<Reason>();
		if (pinnedFamilies(request, assessment).contains(exercise.family())) {
			reasons.add(new Reason(ReasonKind.PINNED, ""));
		}
		if (replaced.containsKey(exercise.id())) {
			reasons.add(new Reason(ReasonKind.ADJUSTED, replaced.get(exercise.id()).id().value()));
		}
		LearnedWeek learned = request.learned();
		if (learned != null) {
			learned.changes()
				.stream()
				.filter(change -> exercise.id().equals(change.to())
						|| (change.to() == null && exercise.id().equals(change.from())))
				.forEach(change -> reasons.add(new Reason(ReasonKind.LEARNED, change.rule() + ":" + change.step())));
		}
		exercise.targets()
			.entrySet()
			.stream()
			.filter(target -> request.pain().getOrDefault(target.getKey(), 0) > 0 || request.maxPain() == 0)
			.sorted(Comparator.comparing((Map.Entry<PainArea, Integer> target) -> !required.contains(target.getKey()))
				.thenComparing(Map.Entry.<PainArea, Integer>comparingByValue().reversed())
				.thenComparing(Map.Entry::getKey))
			.forEach(target -> reasons.add(new Reason(ReasonKind.TARGETS, target.getKey().name())));
		exercise.causes().forEach(cause -> reasons.add(new Reason(ReasonKind.ADDRESSES, cause.name())));
		reasons.add(new Reason(ReasonKind.SUITS_TRIMESTER, String.valueOf(request.age().trimester().number())));
		Dose dose = dosed.dose();
		Dose file = exercise.dose();
		// Sets the learning rules changed are explained by their own reason; these two are about the rest.
		int learnedSets = Math.max(1, file.sets() + learnedSetDelta(exercise, request));
		if (dose.sets() < learnedSets) {
			reasons.add(new Reason(ReasonKind.GENTLER, ""));
		}
		else if (dose.sets() > learnedSets || dose.durationSeconds() > file.durationSeconds()) {
			reasons.add(new Reason(ReasonKind.LONGER, ""));
		}
		var cautions = assessment.verdict(exercise.id()).map(ExerciseVerdict::cautions).orElse(List.of());
		return new Item(exercise, dose, dosed.units() * Candidate.SECONDS_PER_UNIT, reasons, cautions);
	}

	/** The first breathing item is there to arrive; a last breathing or relaxation item, to finish. */
	private static List<Item> markEnds(List<Item> items) {
		if (items.isEmpty()) {
			return items;
		}
		var marked = new ArrayList<>(items);
		Item first = marked.get(0);
		if (first.exercise().category() == Category.BREATHING) {
			marked.set(0, withReason(first, ReasonKind.ARRIVE));
		}
		int lastIndex = marked.size() - 1;
		Item last = marked.get(lastIndex);
		Category category = last.exercise().category();
		if (lastIndex > 0 && (category == Category.BREATHING || category == Category.RELAXATION)) {
			marked.set(lastIndex, withReason(last, ReasonKind.FINISH));
		}
		return marked;
	}

	private static Item withReason(Item item, ReasonKind kind) {
		var reasons = new ArrayList<Reason>();
		reasons.add(new Reason(kind, ""));
		reasons.addAll(item.reasons());
		return new Item(item.exercise(), item.dose(), item.seconds(), reasons, item.cautions());
	}

	private static List<LeftOut> leftOut(SafetyAssessment assessment, PlanRequest request) {
		var leftOut = new ArrayList<LeftOut>();
		for (ExerciseVerdict verdict : assessment.verdicts()) {
			if (!verdict.allowed()) {
				leftOut.add(new LeftOut(verdict.exercise(), verdict.exclusions(), verdict.saferVariants(), false));
			}
			else if (request.excluded().contains(verdict.exercise().id())) {
				leftOut.add(new LeftOut(verdict.exercise(), List.of(), List.of(), true));
			}
		}
		return leftOut;
	}

}
