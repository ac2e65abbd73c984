package org.carrywell.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseTestData;
import org.carrywell.catalogue.Feature;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Trimester;
import org.carrywell.catalogue.internal.CatalogueFiles;

/**
 * The engine against the rule book over the whole input space. {@link #forbiddenByTheBook} is written from
 * the table in safety-decisions.md, independently of {@link ExerciseRules}: a mistake in either is caught by
 * the other.
 */
public class ExerciseRulesPropertyTests {

	private static final Catalogue CATALOGUE = CatalogueFiles.realCatalogue();

	@Property(tries = 10_000)
	void anyExerciseIsAllowedExactlyWhenTheBookAllowsIt(@ForAll("exercises") Exercise exercise,
			@ForAll("contexts") ExerciseContext context) {
		var verdict = ExerciseRules.judge(exercise, context);
		assertThat(verdict.allowed()).as("%s for %s", exercise, context).isEqualTo(!forbiddenByTheBook(exercise, context));
		verdict.exclusions().forEach(hit -> assertThat(hit.offending()).isNotEmpty());
	}

	@Property(tries = 10_000)
	void noAllowedExerciseOfTheRealCatalogueBreaksARule(@ForAll("contexts") ExerciseContext context) {
		var assessment = ExerciseRules.assess(CATALOGUE, context);
		assertThat(assessment.allowedExercises()).allSatisfy(
				exercise -> assertThat(forbiddenByTheBook(exercise, context)).as(exercise.id().value()).isFalse());
		assertThat(assessment.forbidden()).allSatisfy(verdict -> {
			assertThat(forbiddenByTheBook(verdict.exercise(), context)).isTrue();
			assertThat(verdict.saferVariants()).allSatisfy(safer -> {
				assertThat(forbiddenByTheBook(safer, context)).isFalse();
				assertThat(safer.family()).isEqualTo(verdict.exercise().family());
			});
		});
	}

	/** The rule book's exercise table, row by row. */
	public static boolean forbiddenByTheBook(Exercise exercise, ExerciseContext context) {
		int week = context.age().weeks();
		Position position = exercise.position();
		Set<Feature> features = exercise.features();
		boolean pelvicGirdlePain = context.conditions().contains(Condition.PELVIC_GIRDLE_PAIN)
				|| context.pain().getOrDefault(PainArea.PELVIS_FRONT, 0) >= 4
				|| context.pain().getOrDefault(PainArea.PELVIS_BACK, 0) >= 4;
		Trimester trimester = week <= 13 ? Trimester.FIRST : week <= 27 ? Trimester.SECOND : Trimester.THIRD;
		return (position == Position.SUPINE && week >= 16)
				|| (position == Position.PRONE && week >= 13)
				|| features.contains(Feature.CLOSED_TWIST)
				|| features.contains(Feature.CRUNCH)
				|| features.contains(Feature.INVERSION) || features.contains(Feature.HIGH_IMPACT)
				|| features.contains(Feature.BREATH_HOLD) || features.contains(Feature.HEAVY_LOAD)
				|| (features.contains(Feature.UNSUPPORTED_BALANCE) && week >= 14)
				|| (pelvicGirdlePain && (features.contains(Feature.SINGLE_LEG_LOAD) || features.contains(Feature.WIDE_LEG)
						|| features.contains(Feature.ASYMMETRIC_STANCE) || features.contains(Feature.DEEP_SQUAT)))
				|| (context.conditions().contains(Condition.DIASTASIS_RECTI) && features.contains(Feature.STRONG_ABDOMINAL_LOAD))
				|| (features.contains(Feature.END_RANGE_BACKBEND) && week >= 14)
				|| !exercise.trimesters().contains(trimester)
				|| (!context.floorOk() && !Set.of(Position.STANDING, Position.WALL_SUPPORTED, Position.SEATED_CHAIR,
						Position.SEATED_BALL).contains(position))
				|| !context.equipment().containsAll(exercise.equipment())
				|| (context.conditions().contains(Condition.CARPAL_TUNNEL)
						&& (position == Position.ALL_FOURS || position == Position.KNEELING));
	}

	@Provide
	Arbitrary<Exercise> exercises() {
		var positions = Arbitraries.of(Position.class);
		var features = Arbitraries.of(Feature.class).set().ofMaxSize(3);
		var trimesters = Arbitraries.of(Trimester.class).set().ofMinSize(1);
		var equipment = Arbitraries.of(Equipment.class).set().ofMaxSize(2);
		return Combinators.combine(positions, features, trimesters, equipment)
			.as((position, featureSet, trimesterSet, equipmentSet) -> ExerciseTestData.anExercise()
				.inPosition(position)
				.withFeatures(featureSet.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(featureSet))
				.forTrimesters(trimesterSet)
				.needing(equipmentSet)
				.build());
	}

	@Provide
	Arbitrary<ExerciseContext> contexts() {
		var weeks = Arbitraries.integers().between(0, GestationalAge.MAX_WEEKS);
		var conditions = Arbitraries.of(Condition.class).set();
		Arbitrary<Map<PainArea, Integer>> pain = Arbitraries.maps(Arbitraries.of(PainArea.class),
				Arbitraries.integers().between(0, 10));
		var equipment = Arbitraries.of(Equipment.class).set();
		var floorOk = Arbitraries.of(true, false);
		return Combinators.combine(weeks, conditions, pain, equipment, floorOk)
			.as((week, conditionSet, painMap, equipmentSet, floor) -> new ExerciseContext(GestationalAge.ofWeeks(week),
					conditionSet, painMap, equipmentSet, floor));
	}

}
