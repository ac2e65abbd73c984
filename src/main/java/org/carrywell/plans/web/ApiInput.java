package org.carrywell.plans.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;
import org.carrywell.safety.Condition;
import org.carrywell.safety.Person;
import org.carrywell.safety.PersonInput;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningQuestion;
import org.carrywell.system.InvalidParameter;
import org.carrywell.system.InvalidParametersException;

/**
 * A person's context from a JSON body, read by {@link PersonInput} like every other way in. This class only turns
 * JSON values into the text PersonInput reads, and its problems into problem-detail fields named as the API names
 * them.
 *
 * @param answersField the JSON path of the screening answers ({@code answers} or {@code screening.answers})
 * @param painField the JSON name of the pain map ({@code pain} or {@code painAreas})
 */
record ApiInput(String answersField, String painField, MessageSource messages) {

	private static final Locale TEXT_LOCALE = Locale.ENGLISH;

	/** The JSON fields of a person's context, as the bodies carry them. */
	record Body(@Nullable Integer weeksPregnant, @Nullable LocalDate dueDate, @Nullable LocalDate asOf,
			@Nullable Map<String, @Nullable Boolean> answers, @Nullable Map<String, @Nullable Integer> pain,
			@Nullable List<String> conditions, @Nullable List<String> equipment, @Nullable Boolean floorOk,
			@Nullable String priorActivity) {
	}

	/** @throws InvalidParametersException naming every field to fix */
	Person person(Body body, LocalDate today) {
		var answers = new LinkedHashMap<String, String>();
		if (body.answers() != null) {
			body.answers().forEach((id, answer) -> answers.put(String.valueOf(id),
					answer == null ? "" : answer ? PersonInput.YES : PersonInput.NO));
		}
		var pain = new LinkedHashMap<String, String>();
		if (body.pain() != null) {
			body.pain().forEach((area, intensity) -> pain.put(String.valueOf(area), String.valueOf(intensity)));
		}
		var raw = new PersonInput.Raw(text(body.weeksPregnant()), text(body.dueDate()), text(body.asOf()), answers, pain,
				list(body.conditions()), list(body.equipment()), Boolean.TRUE.equals(body.floorOk()) ? PersonInput.YES
						: PersonInput.NO,
				body.priorActivity());
		PersonInput.Result result = PersonInput.read(raw, today);
		if (!result.valid()) {
			throw new InvalidParametersException(result.problems().stream().map(this::parameter).toList());
		}
		return result.orElseThrow();
	}

	private InvalidParameter parameter(PersonInput.Problem problem) {
		String detail = messages.getMessage("input.error." + problem.code(), null, TEXT_LOCALE);
		return switch (problem.field()) {
			case WEEKS -> new InvalidParameter("weeksPregnant", problem.rejected(), detail, List.of());
			case DUE_DATE -> new InvalidParameter("dueDate", problem.rejected(), detail, List.of());
			case AS_OF -> new InvalidParameter("asOf", problem.rejected(), detail, List.of());
			case ANSWERS -> new InvalidParameter(problem.key().isEmpty() ? answersField : answersField + "." + problem.key(),
					problem.rejected(), detail,
					problem.code().equals("answer.unknown") ? PersonInput.ids(ScreeningQuestion.class) : List.of());
			case PAIN -> problem.code().equals("pain.unknown") || problem.key().isEmpty()
					? new InvalidParameter(painField, problem.key(), detail, PersonInput.ids(PainArea.class))
					: new InvalidParameter(painField + "." + problem.key(), problem.rejected(), detail, List.of());
			case CONDITIONS -> new InvalidParameter("conditions", problem.rejected(), detail,
					PersonInput.ids(Condition.class));
			case EQUIPMENT -> new InvalidParameter("equipment", problem.rejected(), detail,
					PersonInput.ids(Equipment.class));
			case FLOOR -> new InvalidParameter("floorOk", problem.rejected(), detail, List.of());
			case PRIOR_ACTIVITY -> new InvalidParameter("priorActivity", problem.rejected(), detail,
					PersonInput.ids(PriorActivity.class));
		};
	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

	private static List<String> list(@Nullable List<String> values) {
		return values == null ? List.of() : values.stream().map(String::valueOf).toList();
	}

}
