package org.carrywell.safety;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;

/**
 * Everything Carrywell knows about a person, as one validated value: her pregnancy (so her week on any day), her
 * screening answers, conditions, pain by area, equipment, the floor and how active she was. Pages, the APIs, the
 * player and the calendar all read it through {@link PersonInput}, so a rule cannot be enforced on one path and
 * forgotten on another; every decision asks it for the day it is about.
 *
 * @param priorActivity null when she has not said (the first plan then starts as for an inactive person)
 */
public record Person(Pregnancy pregnancy, Map<ScreeningQuestion, Boolean> answers, Set<Condition> conditions,
		Map<PainArea, Integer> pain, Set<Equipment> equipment, boolean floorOk, @Nullable PriorActivity priorActivity) {

	public Person {
		Objects.requireNonNull(pregnancy, "pregnancy");
		var answerMap = new EnumMap<ScreeningQuestion, Boolean>(ScreeningQuestion.class);
		answerMap.putAll(answers);
		answers = Collections.unmodifiableMap(answerMap);
		var conditionSet = EnumSet.noneOf(Condition.class);
		conditionSet.addAll(conditions);
		conditions = Collections.unmodifiableSet(conditionSet);
		// The exercise context checks every intensity; building one here refuses an invalid person early.
		pain = new ExerciseContext(GestationalAge.ofWeeks(0), Set.of(), pain, Set.of(), true).pain();
		var equipmentSet = EnumSet.noneOf(Equipment.class);
		equipmentSet.addAll(equipment);
		equipment = Collections.unmodifiableSet(equipmentSet);
	}

	/**
	 * Her week on that day.
	 *
	 * @throws InvalidInputException naming {@code weeksPregnant} when the day lies outside weeks 0–42 of this
	 * pregnancy (a plan dated long ago, or a date far ahead)
	 */
	public GestationalAge weekOn(LocalDate day) {
		return pregnancy.weekOn(day)
			.orElseThrow(() -> new InvalidInputException("weeksPregnant", "is outside weeks 0 to 42 on " + day));
	}

	/** Her week on that day at its earliest, for the warning signs that are more urgent before week 37. */
	public GestationalAge earliestWeekOn(LocalDate day) {
		return pregnancy.earliestWeekOn(day).orElseGet(() -> weekOn(day));
	}

	/** Screening as of that day, with a declared TWINS counting as a yes to MULTIPLE_PREGNANCY. */
	public ScreeningResult screeningOn(LocalDate day) {
		return Screening.assess(answers, weekOn(day), conditions);
	}

	/** What the exercise rules need, as of that day. */
	public ExerciseContext exerciseContextOn(LocalDate day) {
		return new ExerciseContext(weekOn(day), conditions, pain, equipment, floorOk);
	}

}
