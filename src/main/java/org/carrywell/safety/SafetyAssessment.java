package org.carrywell.safety;

import java.util.List;
import java.util.Optional;

import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;

/** The verdict on every exercise of the catalogue for one person. */
public record SafetyAssessment(ExerciseContext context, List<ExerciseVerdict> verdicts) {

	public SafetyAssessment {
		verdicts = List.copyOf(verdicts);
	}

	/** The only exercises a plan or a session may use. */
	public List<Exercise> allowedExercises() {
		return verdicts.stream().filter(ExerciseVerdict::allowed).map(ExerciseVerdict::exercise).toList();
	}

	public List<ExerciseVerdict> forbidden() {
		return verdicts.stream().filter(verdict -> !verdict.allowed()).toList();
	}

	public Optional<ExerciseVerdict> verdict(ExerciseId id) {
		return verdicts.stream().filter(verdict -> verdict.exercise().id().equals(id)).findFirst();
	}

}
