package org.carrywell.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.internal.CatalogueFiles;

class ExerciseQueryTests {

	private static final Catalogue CATALOGUE = CatalogueFiles.testCatalogue();

	@Test
	void filtersCombineAndValuesOfOneFilterAreAlternatives() {
		assertThat(ids(Map.of("area", List.of("HIPS", "UPPER_BACK")))).containsExactly("half-kneel-stretch", "side-breath");
		assertThat(ids(Map.of("area", List.of("LOWER_BACK"), "trimester", List.of("3"))))
			.containsExactly("wall-tilt", "side-breath", "half-kneel-stretch");
		assertThat(ids(Map.of("area", List.of("LOWER_BACK"), "trimester", List.of("3"), "category", List.of("BREATHING"))))
			.containsExactly("side-breath");
	}

	@Test
	void equipmentListsWhatSheHas() {
		assertThat(ids(Map.of("equipment", List.of("WALL", "PILLOW")))).containsExactlyInAnyOrder("wall-tilt", "side-breath");
		assertThat(ids(Map.of("equipment", List.of("NONE")))).isEmpty();
		assertThat(ids(Map.of("equipment", List.of("MAT")))).containsExactly("floor-tilt");
	}

	@Test
	void mostRelevantFirst() {
		assertThat(ids(Map.of("area", List.of("LOWER_BACK")))).containsExactly("wall-tilt", "floor-tilt", "side-breath",
				"half-kneel-stretch");
	}

	@Test
	void emptyValuesMeanNotGiven() {
		var parsed = ExerciseQuery.parse(Map.of("trimester", List.of(""), "area", List.of(" ")));
		assertThat(parsed.query()).isEqualTo(ExerciseQuery.ALL);
		assertThat(parsed.query().isUnfiltered()).isTrue();
	}

	@Test
	void unknownValuesAreProblemsNamingTheParameterAndWhatItAllows() {
		var parsed = ExerciseQuery.parse(Map.of("area", List.of("NOPE", "HIPS"), "trimester", List.of("4")));

		assertThat(parsed.isValid()).isFalse();
		assertThat(parsed.problems()).extracting(ParameterProblem::parameter).containsExactlyInAnyOrder("area", "trimester");
		var area = parsed.problems().stream().filter(p -> p.parameter().equals("area")).findFirst().orElseThrow();
		assertThat(area.value()).isEqualTo("NOPE");
		assertThat(area.allowedValues()).contains("LOWER_BACK", "LEG_RADIATING");
		assertThat(area.describe()).contains("'area'", "NOPE", "LOWER_BACK");
	}

	@Test
	void oneTrimesterAtATime() {
		var parsed = ExerciseQuery.parse(Map.of("trimester", List.of("1", "3")));
		assertThat(parsed.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.parameter()).isEqualTo("trimester");
			assertThat(problem.reason()).isEqualTo(ParameterProblem.Reason.ONE_VALUE_ONLY);
		});
		assertThat(ExerciseQuery.parse(Map.of("trimester", List.of("2", "2"))).isValid()).isTrue();
	}

	@Property
	void everyResultPassesEveryFilterAndNothingIsLeftOut(@ForAll("queries") ExerciseQuery query) {
		List<Exercise> results = CATALOGUE.exercises(query);

		for (Exercise exercise : CATALOGUE.exercises()) {
			boolean passes = (query.trimester() == null || exercise.trimesters().contains(query.trimester()))
					&& (query.areas().isEmpty() || query.areas().stream().anyMatch(exercise.targets()::containsKey))
					&& (query.positions().isEmpty() || query.positions().contains(exercise.position()))
					&& (query.equipmentAvailable() == null || query.equipmentAvailable().containsAll(exercise.equipment()))
					&& (query.categories().isEmpty() || query.categories().contains(exercise.category()));
			assertThat(results.contains(exercise)).as(exercise.id().value()).isEqualTo(passes);
		}
		var relevance = results.stream().mapToInt(e -> query.areas().stream().mapToInt(e::weightFor).sum()).toArray();
		for (int i = 1; i < relevance.length; i++) {
			assertThat(relevance[i]).isLessThanOrEqualTo(relevance[i - 1]);
		}
	}

	@Property
	void anyValidParametersParseToTheQueryTheyDescribe(@ForAll("queries") ExerciseQuery query) {
		var parameters = new LinkedHashMap<String, List<String>>();
		if (query.trimester() != null) {
			parameters.put("trimester", List.of(String.valueOf(query.trimester().number())));
		}
		parameters.put("area", query.areas().stream().map(Enum::name).toList());
		parameters.put("position", query.positions().stream().map(Enum::name).toList());
		parameters.put("category", query.categories().stream().map(Enum::name).toList());
		if (query.equipmentAvailable() != null) {
			var equipment = new ArrayList<>(query.equipmentAvailable().stream().map(Enum::name).toList());
			equipment.add("NONE");
			parameters.put("equipment", equipment);
		}

		assertThat(ExerciseQuery.parse(parameters).query()).isEqualTo(query);
	}

	@Property
	void anyUnknownValueIsReportedAgainstItsParameter(@ForAll("parameterNames") String parameter,
			@ForAll @Size(max = 30) String value) {
		var allowed = new ArrayList<String>(List.of("1", "2", "3", "NONE"));
		for (var type : List.of(PainArea.class, Position.class, Equipment.class, Category.class)) {
			Arrays.stream(type.getEnumConstants()).forEach(constant -> allowed.add(constant.name()));
		}
		var parsed = ExerciseQuery.parse(Map.of(parameter, List.of(value)));
		if (value.isBlank() || allowed.contains(value.trim())) {
			return;
		}
		assertThat(parsed.problems()).singleElement().satisfies(problem -> {
			assertThat(problem.parameter()).isEqualTo(parameter);
			assertThat(problem.value()).isEqualTo(value.trim());
		});
	}

	@Provide
	Arbitrary<String> parameterNames() {
		return Arbitraries.of("trimester", "area", "position", "equipment", "category");
	}

	@Provide
	Arbitrary<ExerciseQuery> queries() {
		var trimester = Arbitraries.of(Trimester.class).injectNull(0.3);
		var areas = Arbitraries.of(PainArea.class).set().ofMaxSize(3);
		var positions = Arbitraries.of(Position.class).set().ofMaxSize(3);
		var equipment = Arbitraries.of(Equipment.class).set().ofMaxSize(4).injectNull(0.4);
		var categories = Arbitraries.of(Category.class).set().ofMaxSize(2);
		return net.jqwik.api.Combinators.combine(trimester, areas, positions, equipment, categories)
			.as((t, a, p, e, c) -> new ExerciseQuery(t, a, p, e == null ? null : Set.copyOf(e), c));
	}

	private static List<String> ids(Map<String, List<String>> parameters) {
		var parsed = ExerciseQuery.parse(parameters);
		assertThat(parsed.problems()).isEmpty();
		return CATALOGUE.exercises(parsed.query()).stream().map(e -> e.id().value()).toList();
	}

}
