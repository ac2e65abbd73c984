package org.carrywell.safety;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;

/**
 * The one place where a person's context is read and validated, from the text a form or a JSON body carries.
 * Pages, the APIs, the session player and the calendar all come through here, so each input rule (pain 0–10, the
 * week 0–42, a due date in range, known ids only) is written once. Reading never throws: every problem is named
 * by its field and a code, and each edge words it and names the field its own way.
 */
public final class PersonInput {

	/** The parts of a person's context, each named by the edges in their own words. */
	public enum Field {

		WEEKS, DUE_DATE, AS_OF, ANSWERS, PAIN, CONDITIONS, EQUIPMENT, FLOOR, PRIOR_ACTIVITY

	}

	/**
	 * One thing to fix.
	 *
	 * @param key which entry of a map or list (a pain area, a question id, an unknown value), or ""
	 * @param code what is wrong, e.g. {@code weeks.range}; the edges turn it into words
	 * @param rejected the value as given
	 */
	public record Problem(Field field, String key, String code, String rejected) {
	}

	/**
	 * The context as text, as it arrives. Null or blank means "not given".
	 *
	 * @param asOf the day the week was given on (default: today); ignored with a due date
	 * @param answers screening question id to "yes" or "no"
	 * @param pain pain area id to a number 0–10
	 * @param floor "yes" or "no": getting down to the floor is comfortable (not given: no, the cautious reading)
	 */
	public record Raw(@Nullable String weeks, @Nullable String dueDate, @Nullable String asOf,
			Map<String, String> answers, Map<String, String> pain, List<String> conditions, List<String> equipment,
			@Nullable String floor, @Nullable String priorActivity) {

		public Raw {
			answers = Map.copyOf(answers);
			pain = Map.copyOf(pain);
			conditions = List.copyOf(conditions);
			equipment = List.copyOf(equipment);
		}

	}

	/** The person, when there was nothing to fix. */
	public record Result(@Nullable Person person, List<Problem> problems) {

		public Result {
			problems = List.copyOf(problems);
		}

		public boolean valid() {
			return person != null;
		}

		public Person orElseThrow() {
			if (person == null) {
				Problem first = problems.get(0);
				throw new InvalidInputException(first.field().name(), first.code());
			}
			return person;
		}

	}

	/**
	 * The most entries a list or map of her context may have: far more than any real answer (there are 26
	 * questions, 7 pain areas, 9 pieces of equipment), and few enough that a huge list costs nothing to refuse.
	 */
	public static final int MAX_ENTRIES = 50;

	public static final String YES = "yes";

	public static final String NO = "no";

	private PersonInput() {
	}

	public static Result read(Raw raw, LocalDate today) {
		var problems = new ArrayList<Problem>();
		tooLong(Field.ANSWERS, raw.answers().size(), problems);
		tooLong(Field.PAIN, raw.pain().size(), problems);
		tooLong(Field.CONDITIONS, raw.conditions().size(), problems);
		tooLong(Field.EQUIPMENT, raw.equipment().size(), problems);
		if (!problems.isEmpty()) {
			return new Result(null, problems);
		}
		Pregnancy pregnancy = pregnancy(raw, today, problems);
		var answers = new EnumMap<ScreeningQuestion, Boolean>(ScreeningQuestion.class);
		raw.answers().forEach((id, value) -> {
			ScreeningQuestion question = constant(ScreeningQuestion.class, id);
			Boolean answer = yesNo(value);
			if (question == null) {
				problems.add(new Problem(Field.ANSWERS, id, "answer.unknown", String.valueOf(value)));
			}
			else if (answer != null) {
				answers.put(question, answer);
			}
			else if (!isBlank(value)) {
				problems.add(new Problem(Field.ANSWERS, id, "answer.value", value));
			}
		});
		var pain = new EnumMap<PainArea, Integer>(PainArea.class);
		raw.pain().forEach((id, value) -> {
			PainArea area = constant(PainArea.class, id);
			if (area == null) {
				problems.add(new Problem(Field.PAIN, id, "pain.unknown", String.valueOf(value)));
				return;
			}
			if (isBlank(value)) {
				return;
			}
			Integer intensity = number(value);
			if (intensity == null || intensity < 0 || intensity > ExerciseContext.MAX_PAIN) {
				problems.add(new Problem(Field.PAIN, id, "pain.range", value));
			}
			else {
				pain.put(area, intensity);
			}
		});
		Set<Condition> conditions = constants(Condition.class, Field.CONDITIONS, raw.conditions(), problems);
		Set<Equipment> equipment = constants(Equipment.class, Field.EQUIPMENT, raw.equipment(), problems);
		boolean floorOk = false;
		if (!isBlank(raw.floor())) {
			Boolean floor = yesNo(raw.floor());
			if (floor == null) {
				problems.add(new Problem(Field.FLOOR, "", "floor.value", raw.floor()));
			}
			else {
				floorOk = floor;
			}
		}
		PriorActivity activity = null;
		if (!isBlank(raw.priorActivity())) {
			activity = constant(PriorActivity.class, raw.priorActivity().trim());
			if (activity == null) {
				problems.add(new Problem(Field.PRIOR_ACTIVITY, raw.priorActivity(), "value.unknown", raw.priorActivity()));
			}
		}
		if (!problems.isEmpty() || pregnancy == null) {
			return new Result(null, problems);
		}
		return new Result(new Person(pregnancy, answers, conditions, pain, equipment, floorOk, activity), List.of());
	}

	private static void tooLong(Field field, int size, List<Problem> problems) {
		if (size > MAX_ENTRIES) {
			problems.add(new Problem(field, "", "list.tooLong", size + " entries"));
		}
	}

	/** The week (with the day it was given) wins over a due date when both are given. */
	private static @Nullable Pregnancy pregnancy(Raw raw, LocalDate today, List<Problem> problems) {
		if (!isBlank(raw.weeks())) {
			String weeksText = raw.weeks().trim();
			Integer weeks = number(weeksText);
			if (weeks == null) {
				problems.add(new Problem(Field.WEEKS, "", "weeks.number", weeksText));
				return null;
			}
			if (weeks < 0 || weeks > GestationalAge.MAX_WEEKS) {
				problems.add(new Problem(Field.WEEKS, "", "weeks.range", weeksText));
				return null;
			}
			LocalDate asOf = today;
			if (!isBlank(raw.asOf())) {
				asOf = date(raw.asOf());
				if (asOf == null) {
					problems.add(new Problem(Field.AS_OF, "", "asOf.format", raw.asOf()));
					return null;
				}
				if (asOf.isAfter(today)) {
					problems.add(new Problem(Field.AS_OF, "", "asOf.future", raw.asOf()));
					return null;
				}
				if (asOf.isBefore(today.minusWeeks(GestationalAge.MAX_WEEKS + 1))) {
					problems.add(new Problem(Field.WEEKS, "", "weeks.passed", weeksText));
					return null;
				}
			}
			Pregnancy pregnancy = Pregnancy.fromWeeks(weeks, asOf);
			if (pregnancy.weekOn(today).isEmpty()) {
				problems.add(new Problem(Field.WEEKS, "", "weeks.passed", weeksText));
				return null;
			}
			return pregnancy;
		}
		if (!isBlank(raw.dueDate())) {
			LocalDate due = date(raw.dueDate());
			if (due == null) {
				problems.add(new Problem(Field.DUE_DATE, "", "dueDate.format", raw.dueDate()));
				return null;
			}
			try {
				Pregnancy pregnancy = Pregnancy.fromDueDate(due, today);
				if (pregnancy.weekOn(today).isPresent()) {
					return pregnancy;
				}
			}
			catch (InvalidInputException ex) {
				// Named below, like a due date whose week falls outside 0–42.
			}
			problems.add(new Problem(Field.DUE_DATE, "", "dueDate.range", raw.dueDate()));
			return null;
		}
		problems.add(new Problem(Field.WEEKS, "", "age.required", ""));
		return null;
	}

	private static <E extends Enum<E>> Set<E> constants(Class<E> type, Field field, List<String> ids,
			List<Problem> problems) {
		var set = EnumSet.noneOf(type);
		for (String id : ids) {
			E constant = constant(type, id);
			if (constant == null) {
				problems.add(new Problem(field, String.valueOf(id), "value.unknown", String.valueOf(id)));
			}
			else {
				set.add(constant);
			}
		}
		return set;
	}

	private static <E extends Enum<E>> @Nullable E constant(Class<E> type, @Nullable String id) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(id)) {
				return constant;
			}
		}
		return null;
	}

	private static @Nullable Boolean yesNo(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return switch (value.trim()) {
			case YES -> Boolean.TRUE;
			case NO -> Boolean.FALSE;
			default -> null;
		};
	}

	/** Plain digits only (an optional minus, so that "-1" is out of range rather than not a number). */
	private static @Nullable Integer number(String value) {
		String trimmed = value.trim();
		return trimmed.matches("-?[0-9]{1,6}") ? Integer.valueOf(trimmed) : null;
	}

	private static @Nullable LocalDate date(String value) {
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/** The ids of a vocabulary, for messages that list what is allowed. */
	public static <E extends Enum<E>> List<String> ids(Class<E> type) {
		return java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
	}

}
