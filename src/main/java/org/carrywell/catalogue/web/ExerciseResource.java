package org.carrywell.catalogue.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.Trimester;

/**
 * An exercise in the JSON API: the YAML file's fields under the same camelCase names, ids as strings,
 * trimesters as numbers, plus the computed {@code durationSeconds}.
 */
record ExerciseResource(String id, String name, String summary, String category, String family,
		@Nullable String easier, @Nullable String harder, String position, List<String> equipment,
		Map<String, Integer> targets, List<String> causes, List<Integer> trimesters,
		Map<String, String> trimesterNotes, List<String> features, DoseResource dose, int durationSeconds,
		List<String> steps, List<String> formCues, List<String> commonMistakes, List<String> stopIf,
		List<String> sources, String author, String licence) {

	static ExerciseResource of(Exercise exercise) {
		var targets = new LinkedHashMap<String, Integer>();
		exercise.targets().forEach((area, weight) -> targets.put(area.name(), weight));
		var notes = new LinkedHashMap<String, String>();
		exercise.trimesterNotes().forEach((trimester, note) -> notes.put(String.valueOf(trimester.number()), note));
		return new ExerciseResource(exercise.id().value(), exercise.name(), exercise.summary(),
				exercise.category().name(), exercise.family(), idOrNull(exercise.easier()),
				idOrNull(exercise.harder()), exercise.position().name(), names(exercise.equipment()), targets,
				names(exercise.causes()), exercise.trimesters().stream().map(Trimester::number).toList(), notes,
				names(exercise.features()), DoseResource.of(exercise.dose()), exercise.durationSeconds(),
				exercise.steps(), exercise.formCues(), exercise.commonMistakes(), exercise.stopIf(),
				exercise.sources(), exercise.author(), exercise.licence());
	}

	private static @Nullable String idOrNull(@Nullable ExerciseId id) {
		return id == null ? null : id.value();
	}

	private static List<String> names(java.util.Collection<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).toList();
	}

	/** The dose as written in the file; absent fields are left out. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DoseResource(int sets, @Nullable Integer reps, @Nullable Integer holdSeconds, @Nullable Integer breaths,
			@Nullable Integer minutes, @Nullable Integer secondsPerRep, int restSeconds, boolean perSide) {

		static DoseResource of(Dose dose) {
			return new DoseResource(dose.sets(), dose.reps(), dose.holdSeconds(), dose.breaths(), dose.minutes(),
					dose.secondsPerRep(), dose.restSeconds(), dose.perSide());
		}

	}

	/** The list answer: how many, and the exercises themselves. */
	record ListResource(int count, List<ExerciseResource> exercises) {
	}

}
