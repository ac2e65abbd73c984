package org.carrywell.plans.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.PainArea;
import org.carrywell.safety.ExerciseContext;
import org.carrywell.safety.InvalidInputException;
import org.carrywell.safety.Screening;
import org.carrywell.safety.ScreeningQuestion;

/** Vocabulary ids and numbers from a JSON request, each refused with the name of its field. */
final class RequestValues {

	private RequestValues() {
	}

	static <E extends Enum<E>> E vocabulary(Class<E> type, String field, @Nullable String id) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(id)) {
				return constant;
			}
		}
		throw new InvalidInputException(field, "'" + id + "' is not one of: "
				+ String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
	}

	static <E extends Enum<E>> Set<E> vocabularySet(Class<E> type, String field, @Nullable List<String> ids) {
		var set = EnumSet.noneOf(type);
		if (ids != null) {
			ids.forEach(id -> set.add(vocabulary(type, field, id)));
		}
		return set;
	}

	static Map<PainArea, Integer> pain(String field, @Nullable Map<String, @Nullable Integer> pain) {
		var result = new EnumMap<PainArea, Integer>(PainArea.class);
		if (pain != null) {
			pain.forEach((area, intensity) -> {
				PainArea painArea = vocabulary(PainArea.class, field, area);
				if (intensity == null || intensity < 0 || intensity > ExerciseContext.MAX_PAIN) {
					throw new InvalidInputException(field + "." + area, "must be a number from 0 to 10");
				}
				result.put(painArea, intensity);
			});
		}
		return result;
	}

	static Map<ScreeningQuestion, Boolean> answers(@Nullable Map<String, @Nullable Boolean> answers) {
		var result = new EnumMap<ScreeningQuestion, Boolean>(ScreeningQuestion.class);
		if (answers != null) {
			answers.forEach((id, answer) -> {
				ScreeningQuestion question = Screening.questionOf(id);
				if (answer != null) {
					result.put(question, answer);
				}
			});
		}
		return result;
	}

}
