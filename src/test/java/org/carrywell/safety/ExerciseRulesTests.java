package org.carrywell.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrywell.catalogue.ExerciseTestData.anExercise;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.Feature;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Trimester;

/** One example per row of the rule book's exercise table, named after the row. */
class ExerciseRulesTests {

	private static ExerciseContext at(int weeks) {
		return new ExerciseContext(GestationalAge.ofWeeks(weeks), Set.of(), Map.of(), Set.of(Equipment.values()), true);
	}

	private static List<String> rulesAgainst(Exercise exercise, ExerciseContext context) {
		return ExerciseRules.judge(exercise, context).exclusions().stream().map(RuleHit::ruleId).toList();
	}

	@Nested
	@DisplayName("no lying flat on the back: SUPINE from week 16")
	class NoSupine {

		private final Exercise supine = anExercise().inPosition(Position.SUPINE).build();

		@Test
		void forbiddenFromWeek16() {
			assertThat(rulesAgainst(supine, at(16))).containsExactly("NO_SUPINE_FROM_WEEK_16");
			assertThat(rulesAgainst(supine, at(40))).containsExactly("NO_SUPINE_FROM_WEEK_16");
		}

		@Test
		void beforeWeek16OnlyShortHoldsWithACaution() {
			var verdict = ExerciseRules.judge(supine, at(15));
			assertThat(verdict.allowed()).isTrue();
			assertThat(verdict.cautions()).extracting(RuleHit::ruleId).containsExactly("SUPINE_SHORT_HOLDS_ONLY");
			assertThat(ExerciseRules.judge(anExercise().build(), at(15)).cautions()).isEmpty();
		}

		@Test
		void namesItsSources() {
			assertThat(ExerciseRules.NO_SUPINE_FROM_WEEK_16.sources()).contains("ACOG804", "NHS-EXERCISE");
		}

	}

	@Test
	@DisplayName("no lying on the belly: PRONE from week 13")
	void noProne() {
		var prone = anExercise().inPosition(Position.PRONE).build();
		assertThat(rulesAgainst(prone, at(12))).isEmpty();
		assertThat(rulesAgainst(prone, at(13))).containsExactly("NO_PRONE_FROM_WEEK_13");
	}

	@Test
	@DisplayName("no closed twists: CLOSED_TWIST always")
	void noClosedTwists() {
		assertThat(rulesAgainst(anExercise().withFeatures(Feature.CLOSED_TWIST).build(), at(0)))
			.containsExactly("NO_CLOSED_TWISTS");
	}

	@Test
	@DisplayName("no crunches or sit-ups: CRUNCH always")
	void noCrunches() {
		assertThat(rulesAgainst(anExercise().withFeatures(Feature.CRUNCH).build(), at(5))).containsExactly("NO_CRUNCHES");
	}

	@Test
	@DisplayName("no inversions, impact, breath-holding, heavy loads: always")
	void noInversionImpactBreathHoldOrHeavyLoad() {
		for (Feature feature : List.of(Feature.INVERSION, Feature.HIGH_IMPACT, Feature.BREATH_HOLD, Feature.HEAVY_LOAD)) {
			var verdict = ExerciseRules.judge(anExercise().withFeatures(feature).build(), at(3));
			assertThat(verdict.exclusions()).singleElement().satisfies(hit -> {
				assertThat(hit.ruleId()).isEqualTo("NO_INVERSION_IMPACT_BREATH_HOLD_OR_HEAVY_LOAD");
				assertThat(hit.offending()).containsExactly(feature.name());
			});
		}
	}

	@Test
	@DisplayName("supported balance only: UNSUPPORTED_BALANCE from week 14")
	void supportedBalanceOnly() {
		var balance = anExercise().withFeatures(Feature.UNSUPPORTED_BALANCE).build();
		assertThat(rulesAgainst(balance, at(13))).isEmpty();
		assertThat(rulesAgainst(balance, at(14))).containsExactly("SUPPORTED_BALANCE_FROM_WEEK_14");
	}

	@Nested
	@DisplayName("pelvic girdle pain: SINGLE_LEG_LOAD, WIDE_LEG, ASYMMETRIC_STANCE, DEEP_SQUAT")
	class PelvicGirdlePain {

		private final Exercise wide = anExercise().withFeatures(Feature.WIDE_LEG, Feature.DEEP_SQUAT).build();

		@Test
		void whenDeclared() {
			var context = new ExerciseContext(GestationalAge.ofWeeks(20), Set.of(Condition.PELVIC_GIRDLE_PAIN), Map.of(),
					Set.of(), true);
			var hit = ExerciseRules.judge(wide, context).exclusions();
			assertThat(hit).singleElement().satisfies(found -> {
				assertThat(found.ruleId()).isEqualTo("PELVIC_GIRDLE_PAIN");
				assertThat(found.offending()).containsExactly("WIDE_LEG", "DEEP_SQUAT");
			});
		}

		@Test
		void whenTheFrontOrTheBackOfThePelvisHurtsAtFourOrMore() {
			for (PainArea area : List.of(PainArea.PELVIS_FRONT, PainArea.PELVIS_BACK)) {
				var three = new ExerciseContext(GestationalAge.ofWeeks(20), Set.of(), Map.of(area, 3), Set.of(), true);
				var four = new ExerciseContext(GestationalAge.ofWeeks(20), Set.of(), Map.of(area, 4), Set.of(), true);
				assertThat(rulesAgainst(wide, three)).as(area.name()).isEmpty();
				assertThat(rulesAgainst(wide, four)).as(area.name()).containsExactly("PELVIC_GIRDLE_PAIN");
			}
			var lowerBack = new ExerciseContext(GestationalAge.ofWeeks(20), Set.of(), Map.of(PainArea.LOWER_BACK, 9), Set.of(), true);
			assertThat(rulesAgainst(wide, lowerBack)).isEmpty();
		}

		@Test
		void everyFeatureOfTheRow() {
			var context = new ExerciseContext(GestationalAge.ofWeeks(30), Set.of(Condition.PELVIC_GIRDLE_PAIN), Map.of(), Set.of(), true);
			for (Feature feature : List.of(Feature.SINGLE_LEG_LOAD, Feature.WIDE_LEG, Feature.ASYMMETRIC_STANCE, Feature.DEEP_SQUAT)) {
				assertThat(rulesAgainst(anExercise().withFeatures(feature).build(), context)).as(feature.name())
					.containsExactly("PELVIC_GIRDLE_PAIN");
			}
		}

	}

	@Test
	@DisplayName("diastasis recti: STRONG_ABDOMINAL_LOAD when declared")
	void diastasisRecti() {
		var strong = anExercise().withFeatures(Feature.STRONG_ABDOMINAL_LOAD).build();
		assertThat(rulesAgainst(strong, at(20))).isEmpty();
		var context = new ExerciseContext(GestationalAge.ofWeeks(20), Set.of(Condition.DIASTASIS_RECTI), Map.of(), Set.of(), true);
		assertThat(rulesAgainst(strong, context)).containsExactly("DIASTASIS_RECTI");
	}

	@Test
	@DisplayName("no hollowing the back: END_RANGE_BACKBEND from week 14")
	void noBackbend() {
		var backbend = anExercise().withFeatures(Feature.END_RANGE_BACKBEND).build();
		assertThat(rulesAgainst(backbend, at(13))).isEmpty();
		assertThat(rulesAgainst(backbend, at(14))).containsExactly("NO_BACKBEND_FROM_WEEK_14");
	}

	@Test
	@DisplayName("trimester: an exercise whose trimesters lack hers")
	void trimester() {
		var early = anExercise().forTrimesters(Trimester.FIRST).build();
		assertThat(rulesAgainst(early, at(13))).isEmpty();
		var verdict = ExerciseRules.judge(early, at(14));
		assertThat(verdict.exclusions()).singleElement().satisfies(hit -> {
			assertThat(hit.ruleId()).isEqualTo("TRIMESTER");
			assertThat(hit.offending()).containsExactly("2");
		});
	}

	@Test
	@DisplayName("floor: every position but standing, wall and seated on a chair or ball, when floorOk is false")
	void floor() {
		var noFloor = new ExerciseContext(GestationalAge.ofWeeks(20), Set.of(), Map.of(), Set.of(Equipment.values()), false);
		for (Position position : Position.values()) {
			boolean allowed = Set.of(Position.STANDING, Position.WALL_SUPPORTED, Position.SEATED_CHAIR, Position.SEATED_BALL)
				.contains(position);
			var rules = rulesAgainst(anExercise().inPosition(position).forTrimesters(Set.of(Trimester.values())).build(), noFloor);
			assertThat(rules.contains("FLOOR")).as(position.name()).isEqualTo(!allowed);
		}
	}

	@Test
	@DisplayName("equipment: an exercise needing equipment she lacks")
	void equipment() {
		var ball = anExercise().needing(Equipment.BALL, Equipment.MAT).build();
		var onlyMat = new ExerciseContext(GestationalAge.ofWeeks(20), Set.of(), Map.of(), Set.of(Equipment.MAT), true);
		assertThat(ExerciseRules.judge(ball, onlyMat).exclusions()).singleElement().satisfies(hit -> {
			assertThat(hit.ruleId()).isEqualTo("EQUIPMENT");
			assertThat(hit.offending()).containsExactly("BALL");
		});
	}

	@Test
	@DisplayName("carpal tunnel: no weight on the hands (ALL_FOURS, KNEELING)")
	void carpalTunnel() {
		var context = new ExerciseContext(GestationalAge.ofWeeks(20), Set.of(Condition.CARPAL_TUNNEL), Map.of(),
				Set.of(Equipment.values()), true);
		assertThat(rulesAgainst(anExercise().inPosition(Position.ALL_FOURS).build(), context)).containsExactly("CARPAL_TUNNEL");
		assertThat(rulesAgainst(anExercise().inPosition(Position.KNEELING).build(), context)).containsExactly("CARPAL_TUNNEL");
		assertThat(rulesAgainst(anExercise().inPosition(Position.SIDE_LYING).build(), context)).isEmpty();
	}

	@Test
	void everyRuleThatForbidsIsNamed() {
		var everything = anExercise().inPosition(Position.SUPINE)
			.withFeatures(Set.of(Feature.values()))
			.forTrimesters(Trimester.FIRST)
			.needing(Equipment.BALL)
			.build();
		var context = new ExerciseContext(GestationalAge.ofWeeks(30), Set.of(Condition.values()), Map.of(), Set.of(), false);
		assertThat(rulesAgainst(everything, context)).containsExactly("NO_SUPINE_FROM_WEEK_16", "NO_CLOSED_TWISTS",
				"NO_CRUNCHES", "NO_INVERSION_IMPACT_BREATH_HOLD_OR_HEAVY_LOAD", "SUPPORTED_BALANCE_FROM_WEEK_14",
				"PELVIC_GIRDLE_PAIN", "DIASTASIS_RECTI", "NO_BACKBEND_FROM_WEEK_14", "TRIMESTER", "FLOOR", "EQUIPMENT");
	}

	@Test
	void aForbiddenExerciseOffersTheAllowedOnesOfItsFamily() {
		var supine = anExercise().withId("tilt-on-back").inFamily("tilt").inPosition(Position.SUPINE).build();
		var wall = anExercise().withId("tilt-at-wall").inFamily("tilt").inPosition(Position.WALL_SUPPORTED).build();
		var other = anExercise().withId("other").inFamily("other").build();
		var catalogue = Catalogue.of(List.of(supine, wall, other), List.of(), List.of(), "v1");

		var assessment = ExerciseRules.assess(catalogue, at(24));

		assertThat(assessment.allowedExercises()).containsExactlyInAnyOrder(wall, other);
		assertThat(assessment.verdict(supine.id())).hasValueSatisfying(verdict -> {
			assertThat(verdict.allowed()).isFalse();
			assertThat(verdict.saferVariants()).containsExactly(wall);
		});
	}

}
