package org.carrywell.planning;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.PainArea;
import org.carrywell.safety.Condition;
import org.carrywell.safety.ExerciseContext;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.safety.Person;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;

/**
 * Everything a weekly plan is built from. Validates itself: an invalid request cannot exist.
 *
 * @param pain intensity 0–10 for each area that hurts
 * @param pinned exercises her provider wants in every session (when the safety rules allow them)
 * @param excluded exercises her provider wants left out
 * @param adjustment how last week went, if known
 * @param priorActivity how active she was; null when she did not say (a first plan then starts small)
 * @param learned what the learning rules decided for this week from her history (a member's own plan), if known:
 * its size replaces the first plan's, and its prescriptions choose the variant and sets of each family
 */
public record PlanRequest(GestationalAge age, ScreeningOutcome screening, Map<PainArea, Integer> pain,
		Set<Condition> conditions, int minutesPerSession, int sessionsPerWeek, Set<Equipment> equipment, boolean floorOk,
		Set<ExerciseId> pinned, Set<ExerciseId> excluded, @Nullable PlanAdjustment adjustment,
		@Nullable PriorActivity priorActivity, @Nullable LearnedWeek learned) {

	public static final int MIN_MINUTES = 5;

	public static final int MAX_MINUTES = 45;

	public static final int MAX_SESSIONS = 7;

	public PlanRequest {
		Objects.requireNonNull(age, "age");
		Objects.requireNonNull(screening, "screening");
		if (minutesPerSession < MIN_MINUTES || minutesPerSession > MAX_MINUTES) {
			throw new InvalidInputException("minutesPerSession",
					"must be between " + MIN_MINUTES + " and " + MAX_MINUTES + ", was " + minutesPerSession);
		}
		if (sessionsPerWeek < 1 || sessionsPerWeek > MAX_SESSIONS) {
			throw new InvalidInputException("sessionsPerWeek", "must be between 1 and 7, was " + sessionsPerWeek);
		}
		// Pain is validated once, by the safety context.
		pain = new ExerciseContext(age, Set.of(), pain, Set.of(), true).pain();
		var conditionSet = EnumSet.noneOf(Condition.class);
		conditionSet.addAll(conditions);
		conditions = Collections.unmodifiableSet(conditionSet);
		var equipmentSet = EnumSet.noneOf(Equipment.class);
		equipmentSet.addAll(equipment);
		equipment = Collections.unmodifiableSet(equipmentSet);
		pinned = Set.copyOf(pinned);
		excluded = Set.copyOf(excluded);
	}

	/** A plan with no history to learn from. */
	public PlanRequest(GestationalAge age, ScreeningOutcome screening, Map<PainArea, Integer> pain,
			Set<Condition> conditions, int minutesPerSession, int sessionsPerWeek, Set<Equipment> equipment,
			boolean floorOk, Set<ExerciseId> pinned, Set<ExerciseId> excluded, @Nullable PlanAdjustment adjustment,
			@Nullable PriorActivity priorActivity) {
		this(age, screening, pain, conditions, minutesPerSession, sessionsPerWeek, equipment, floorOk, pinned, excluded,
				adjustment, priorActivity, null);
	}

	/** The same request, with the week's learned decisions. */
	public PlanRequest learning(@Nullable LearnedWeek week) {
		return new PlanRequest(age, screening, pain, conditions, minutesPerSession, sessionsPerWeek, equipment, floorOk,
				pinned, excluded, adjustment, priorActivity, week);
	}

	/**
	 * The same request with what her provider asked: more exercises pinned and excluded (an exclusion wins over a
	 * pin: the generator never uses an excluded exercise), and sessions no longer than {@code maxMinutes}. A pin
	 * still passes the safety engine: a forbidden one is noted, never planned.
	 */
	public PlanRequest advisedBy(Set<ExerciseId> morePinned, Set<ExerciseId> moreExcluded, @Nullable Integer maxMinutes) {
		var allPinned = new java.util.HashSet<>(pinned);
		allPinned.addAll(morePinned);
		var allExcluded = new java.util.HashSet<>(excluded);
		allExcluded.addAll(moreExcluded);
		int minutes = maxMinutes == null ? minutesPerSession
				: Math.max(MIN_MINUTES, Math.min(minutesPerSession, maxMinutes));
		return new PlanRequest(age, screening, pain, conditions, minutes, sessionsPerWeek, equipment, floorOk, allPinned,
				allExcluded, adjustment, priorActivity, learned);
	}

	/**
	 * Her plan for the week she is in on {@code day}: her week, her screening as of that day (a declared TWINS
	 * counting), and everything else from her context.
	 */
	public static PlanRequest forPerson(Person person, LocalDate day, int minutesPerSession, int sessionsPerWeek,
			Set<ExerciseId> pinned, Set<ExerciseId> excluded, @Nullable PlanAdjustment adjustment) {
		return new PlanRequest(person.weekOn(day), person.screeningOn(day).outcome(), person.pain(), person.conditions(),
				minutesPerSession, sessionsPerWeek, person.equipment(), person.floorOk(), pinned, excluded, adjustment,
				person.priorActivity());
	}

	ExerciseContext safetyContext() {
		return new ExerciseContext(age, conditions, pain, equipment, floorOk);
	}

	int maxPain() {
		int max = 0;
		for (int intensity : pain.values()) {
			max = Math.max(max, intensity);
		}
		return max;
	}

	/** Strong pain, or pain that rose since last week: more mobility, relaxation and breathing, fewer strength sets. */
	boolean gentle() {
		return maxPain() >= PlanGenerator.STRONG_PAIN || (adjustment != null && adjustment.easeOff());
	}

}
