package org.carrywell.safety;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;

/**
 * The verdict on every exercise of the catalogue for one person. A class rather than a record only to keep an index
 * by exercise: a plan asks for the verdict of each exercise it places, and a search through the whole catalogue
 * each time was a visible part of making a plan page (docs/performance.md, issue 20).
 */
public final class SafetyAssessment {

	private final ExerciseContext context;

	private final List<ExerciseVerdict> verdicts;

	private final Map<ExerciseId, ExerciseVerdict> byExercise;

	public SafetyAssessment(ExerciseContext context, List<ExerciseVerdict> verdicts) {
		this.context = Objects.requireNonNull(context, "context");
		this.verdicts = List.copyOf(verdicts);
		var index = new HashMap<ExerciseId, ExerciseVerdict>(this.verdicts.size() * 2);
		// The first verdict for an exercise is its verdict, as a search from the start would find it.
		this.verdicts.forEach(verdict -> index.putIfAbsent(verdict.exercise().id(), verdict));
		this.byExercise = Map.copyOf(index);
	}

	public ExerciseContext context() {
		return context;
	}

	public List<ExerciseVerdict> verdicts() {
		return verdicts;
	}

	/** The only exercises a plan or a session may use. */
	public List<Exercise> allowedExercises() {
		return verdicts.stream().filter(ExerciseVerdict::allowed).map(ExerciseVerdict::exercise).toList();
	}

	public List<ExerciseVerdict> forbidden() {
		return verdicts.stream().filter(verdict -> !verdict.allowed()).toList();
	}

	public Optional<ExerciseVerdict> verdict(ExerciseId id) {
		return Optional.ofNullable(byExercise.get(id));
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof SafetyAssessment that && context.equals(that.context) && verdicts.equals(that.verdicts);
	}

	@Override
	public int hashCode() {
		return Objects.hash(context, verdicts);
	}

	@Override
	public String toString() {
		return "SafetyAssessment[context=" + context + ", verdicts=" + verdicts + "]";
	}

}
