package org.carrywell.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A filter over the library. Filters combine: an exercise must pass every filter given. Within one filter
 * the values are alternatives ("lower back or hips"), except equipment, which lists what a person has: an
 * exercise matches if it needs nothing beyond it.
 *
 * @param trimester only exercises suitable in this trimester, or any if null
 * @param equipmentAvailable what she has, or null for "don't filter by equipment"; empty means "nothing"
 */
public record ExerciseQuery(@Nullable Trimester trimester, Set<PainArea> areas, Set<Position> positions,
		@Nullable Set<Equipment> equipmentAvailable, Set<Category> categories) {

	public static final String TRIMESTER = "trimester";

	public static final String AREA = "area";

	public static final String POSITION = "position";

	public static final String EQUIPMENT = "equipment";

	public static final String CATEGORY = "category";

	/** The equipment value that says "I have none of it". */
	public static final String NO_EQUIPMENT = "NONE";

	public static final ExerciseQuery ALL = new ExerciseQuery(null, Set.of(), Set.of(), null, Set.of());

	public ExerciseQuery {
		areas = Set.copyOf(areas);
		positions = Set.copyOf(positions);
		equipmentAvailable = equipmentAvailable == null ? null : Set.copyOf(equipmentAvailable);
		categories = Set.copyOf(categories);
	}

	public boolean matches(Exercise exercise) {
		return (trimester == null || exercise.suitsTrimester(trimester))
				&& (areas.isEmpty() || areas.stream().anyMatch(area -> exercise.weightFor(area) > 0))
				&& (positions.isEmpty() || positions.contains(exercise.position()))
				&& (equipmentAvailable == null || equipmentAvailable.containsAll(exercise.equipment()))
				&& (categories.isEmpty() || categories.contains(exercise.category()));
	}

	/**
	 * Most relevant first: the summed weight for the asked-for pain areas, then the order a session flows in
	 * (breathing, mobility, strength, stretch, relaxation, cardio), then the name.
	 */
	public Comparator<Exercise> order() {
		Comparator<Exercise> relevance = Comparator
			.comparingInt(exercise -> -areas.stream().mapToInt(exercise::weightFor).sum());
		return relevance.thenComparing(Exercise::category)
			.thenComparing(Exercise::name, String.CASE_INSENSITIVE_ORDER);
	}

	public boolean isUnfiltered() {
		return equals(ALL);
	}

	/**
	 * Reads a query from request parameters. Unknown values are never ignored: each one becomes a problem
	 * naming the parameter and the values it allows. Empty values mean "not given" (an "any" choice in a
	 * form). Other parameters are not this query's business and are left alone.
	 */
	public static Parsed parse(Map<String, List<String>> parameters) {
		var problems = new ArrayList<ParameterProblem>();
		Trimester trimester = parseTrimester(values(parameters, TRIMESTER), problems);
		var areas = parseSet(parameters, AREA, PainArea.class, problems);
		var positions = parseSet(parameters, POSITION, Position.class, problems);
		var categories = parseSet(parameters, CATEGORY, Category.class, problems);
		Set<Equipment> equipment = null;
		List<String> equipmentValues = values(parameters, EQUIPMENT);
		if (!equipmentValues.isEmpty()) {
			var withoutNone = equipmentValues.stream().filter(value -> !value.equals(NO_EQUIPMENT)).toList();
			var allowed = new ArrayList<>(names(Equipment.class));
			allowed.add(NO_EQUIPMENT);
			equipment = parseEnums(EQUIPMENT, withoutNone, Equipment.class, allowed, problems);
		}
		var query = new ExerciseQuery(trimester, areas, positions, equipment, categories);
		return new Parsed(problems.isEmpty() ? query : null, problems);
	}

	private static @Nullable Trimester parseTrimester(List<String> values, List<ParameterProblem> problems) {
		var allowed = Arrays.stream(Trimester.values()).map(t -> String.valueOf(t.number())).toList();
		var distinct = values.stream().distinct().toList();
		if (distinct.size() > 1) {
			problems.add(new ParameterProblem(TRIMESTER, String.join(",", distinct), allowed,
					ParameterProblem.Reason.ONE_VALUE_ONLY));
			return null;
		}
		if (distinct.isEmpty()) {
			return null;
		}
		String value = distinct.get(0);
		Optional<Trimester> trimester = value.matches("[1-3]") ? Trimester.ofNumber(Integer.parseInt(value))
				: Optional.empty();
		if (trimester.isEmpty()) {
			problems.add(new ParameterProblem(TRIMESTER, value, allowed, ParameterProblem.Reason.UNKNOWN_VALUE));
		}
		return trimester.orElse(null);
	}

	private static <E extends Enum<E>> Set<E> parseSet(Map<String, List<String>> parameters, String name,
			Class<E> type, List<ParameterProblem> problems) {
		return parseEnums(name, values(parameters, name), type, names(type), problems);
	}

	private static <E extends Enum<E>> Set<E> parseEnums(String name, List<String> values, Class<E> type,
			List<String> allowed, List<ParameterProblem> problems) {
		var result = EnumSet.noneOf(type);
		Map<String, E> byName = index(type);
		for (String value : values) {
			E constant = byName.get(value);
			if (constant == null) {
				problems.add(new ParameterProblem(name, value, allowed, ParameterProblem.Reason.UNKNOWN_VALUE));
			}
			else {
				result.add(constant);
			}
		}
		return result;
	}

	private static List<String> values(Map<String, List<String>> parameters, String name) {
		Collection<String> raw = parameters.getOrDefault(name, List.of());
		return raw.stream().filter(value -> value != null && !value.isBlank()).map(String::trim).toList();
	}

	private static <E extends Enum<E>> List<String> names(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
	}

	private static <E extends Enum<E>> Map<String, E> index(Class<E> type) {
		return Collections.unmodifiableMap(Arrays.stream(type.getEnumConstants())
			.collect(java.util.stream.Collectors.toMap(Enum::name, Function.identity())));
	}

	/** The outcome of {@link #parse}: a query, or the problems that stopped it. */
	public record Parsed(@Nullable ExerciseQuery query, List<ParameterProblem> problems) {

		public Parsed {
			problems = List.copyOf(problems);
		}

		public boolean isValid() {
			return query != null;
		}

		/** The query, or everything when the parameters were not valid (for a page that still shows a list). */
		public ExerciseQuery queryOrAll() {
			return query == null ? ALL : query;
		}

	}

}
