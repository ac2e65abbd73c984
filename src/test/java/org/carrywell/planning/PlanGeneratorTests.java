package org.carrywell.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.internal.CatalogueFiles;
import org.carrywell.planning.WeeklyPlan.Item;
import org.carrywell.planning.WeeklyPlan.ReasonKind;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;

class PlanGeneratorTests {

	private static final Catalogue CATALOGUE = CatalogueFiles.realCatalogue();

	private static PlanRequest request(int weeks, Map<PainArea, Integer> pain, int minutes, int sessions) {
		return new PlanRequest(GestationalAge.ofWeeks(weeks), ScreeningOutcome.CLEARED, pain, Set.of(), minutes, sessions,
				Set.of(Equipment.MAT, Equipment.CHAIR, Equipment.WALL, Equipment.PILLOW), true, Set.of(), Set.of(), null, PriorActivity.ACTIVE);
	}

	@Test
	void aWeekForTheLowerBackAtTwentyFourWeeks() {
		var plan = PlanGenerator.generate(CATALOGUE, request(24, Map.of(PainArea.LOWER_BACK, 6), 15, 4));

		assertThat(plan.status()).isEqualTo(WeeklyPlan.Status.READY);
		assertThat(plan.sessions()).hasSize(4).extracting(WeeklyPlan.Session::day).containsExactly(1, 3, 5, 7);
		assertThat(plan.sessions()).allSatisfy(session -> {
			assertThat(session.totalSeconds()).isBetween((int) (0.85 * 15 * 60), 15 * 60);
			// Breathing to arrive, or (when her breathing exercise is on the floor) to finish.
			var first = session.items().get(0);
			var last = session.items().get(session.items().size() - 1);
			if (first.exercise().category() == Category.BREATHING) {
				assertThat(first.reasons()).extracting(WeeklyPlan.Reason::kind).contains(ReasonKind.ARRIVE);
			}
			else {
				assertThat(last.exercise().category()).isIn(Category.BREATHING, Category.RELAXATION);
				assertThat(last.reasons()).extracting(WeeklyPlan.Reason::kind).contains(ReasonKind.FINISH);
			}
			assertThat(session.items()).allSatisfy(item -> assertThat(item.exercise().position()).isNotEqualTo(Position.SUPINE));
		});
		assertThat(plan.sessions().stream().filter(s -> s.focus().contains(PainArea.LOWER_BACK))).hasSizeGreaterThanOrEqualTo(2);
	}

	/**
	 * A session every day is not the same session seven times: families given earlier in the week make way for
	 * other safe choices, each session still fills its time, and no session repeats the one before. (With almost
	 * nothing to choose from — no equipment at all — every session holds all there is, and says it is short.)
	 */
	@Test
	void theSessionsOfAWeekAreNotCopiesOfEachOther() {
		for (int minutes : new int[] { 15, 20, 30 }) {
			var plan = PlanGenerator.generate(CATALOGUE, request(24, Map.of(PainArea.LOWER_BACK, 6), minutes, 7));

			var contents = plan.sessions().stream()
				.map(session -> session.items().stream().map(item -> item.exercise().id()).collect(java.util.stream.Collectors.toSet()))
				.toList();
			assertThat(new java.util.HashSet<>(contents)).as("different sessions in a week of %d minutes", minutes)
				.hasSizeGreaterThanOrEqualTo(minutes <= 20 ? 5 : 3);
			for (int day = 1; day < contents.size(); day++) {
				assertThat(contents.get(day)).as("day %d repeats day %d", day + 1, day).isNotEqualTo(contents.get(day - 1));
			}
			assertThat(plan.sessions()).allSatisfy(session -> assertThat(session.fillsItsTime()).isTrue());
		}
	}

	@Test
	void explainsWhatWasLeftOutAndOffersTheSaferVariant() {
		var plan = PlanGenerator.generate(CATALOGUE, request(24, Map.of(PainArea.PELVIS_BACK, 4), 20, 3));

		assertThat(plan.leftOut()).anySatisfy(left -> {
			assertThat(left.exercise().id()).isEqualTo(ExerciseId.of("glute-bridge"));
			assertThat(left.hits()).extracting(hit -> hit.ruleId()).contains("NO_SUPINE_FROM_WEEK_16");
			assertThat(left.alternatives()).extracting(e -> e.id().value()).contains("standing-glute-squeeze");
		});
	}

	@Test
	void everyItemSaysWhyItIsThere() {
		var plan = PlanGenerator.generate(CATALOGUE, request(30, Map.of(PainArea.HIPS, 5), 15, 3));

		for (Item item : plan.sessions().stream().flatMap(s -> s.items().stream()).toList()) {
			assertThat(item.reasons()).extracting(WeeklyPlan.Reason::kind).contains(ReasonKind.ADDRESSES, ReasonKind.SUITS_TRIMESTER);
			assertThat(item.reasons()).contains(new WeeklyPlan.Reason(ReasonKind.SUITS_TRIMESTER, "3"));
		}
		assertThat(plan.sessions()).allSatisfy(session -> assertThat(session.items())
			.anySatisfy(item -> assertThat(item.reasons()).contains(new WeeklyPlan.Reason(ReasonKind.TARGETS, "HIPS"))));
	}

	@Test
	void noPlanWhenExerciseIsNotAdvised() {
		var request = new PlanRequest(GestationalAge.ofWeeks(30), ScreeningOutcome.NOT_ADVISED, Map.of(), Set.of(), 15, 3,
				Set.of(), true, Set.of(), Set.of(), null, PriorActivity.ACTIVE);
		var plan = PlanGenerator.generate(CATALOGUE, request);
		assertThat(plan.status()).isEqualTo(WeeklyPlan.Status.NOT_ADVISED);
		assertThat(plan.sessions()).isEmpty();
	}

	@Test
	void strongPainMakesThePlanGentler() {
		var plan = PlanGenerator.generate(CATALOGUE, request(20, Map.of(PainArea.LOWER_BACK, 8), 20, 3));

		assertThat(plan.notes()).extracting(WeeklyPlan.Note::kind).contains(WeeklyPlan.NoteKind.GENTLE);
		plan.sessions().stream().flatMap(s -> s.items().stream())
			.filter(item -> item.exercise().category() == Category.STRENGTH && item.exercise().dose().sets() > 1)
			.forEach(item -> {
				assertThat(item.dose().sets()).isEqualTo(item.exercise().dose().sets() - 1);
				assertThat(item.reasons()).extracting(WeeklyPlan.Reason::kind).contains(ReasonKind.GENTLER);
			});
	}

	@Test
	void pinnedExercisesAreInEverySessionAndExcludedOnesNowhere() {
		var base = request(20, Map.of(PainArea.LOWER_BACK, 5), 15, 3);
		var request = new PlanRequest(base.age(), base.screening(), base.pain(), base.conditions(), 15, 3, base.equipment(),
				true, Set.of(ExerciseId.of("pelvic-tilt-wall")), Set.of(ExerciseId.of("cat-cow-seated")), null, PriorActivity.ACTIVE);
		var plan = PlanGenerator.generate(CATALOGUE, request);

		assertThat(plan.sessions()).allSatisfy(session -> assertThat(session.items())
			.anySatisfy(item -> assertThat(item.exercise().id().value()).isEqualTo("pelvic-tilt-wall")));
		assertThat(plan.sessions().stream().flatMap(s -> s.items().stream()))
			.noneMatch(item -> item.exercise().id().value().equals("cat-cow-seated"));
		assertThat(plan.leftOut()).anySatisfy(left -> {
			assertThat(left.exercise().id().value()).isEqualTo("cat-cow-seated");
			assertThat(left.byProvider()).isTrue();
		});
	}

	@Test
	void aPinKeepsTheMovementButThePlansOwnEasingStillChoosesTheVersion() {
		var base = request(20, Map.of(PainArea.LOWER_BACK, 5), 15, 3);
		var tooHard = new PlanRequest(base.age(), base.screening(), base.pain(), base.conditions(), 15, 3,
				base.equipment(), true, Set.of(ExerciseId.of("cat-cow-all-fours")), Set.of(),
				new PlanAdjustment(PlanAdjustment.Feedback.TOO_HARD, 0), PriorActivity.ACTIVE);
		var plan = PlanGenerator.generate(CATALOGUE, tooHard);

		assertThat(plan.sessions()).allSatisfy(session -> assertThat(session.items()).anySatisfy(item -> {
			assertThat(item.exercise().id().value()).isEqualTo("cat-cow-seated");
			assertThat(item.reasons()).extracting(WeeklyPlan.Reason::kind)
				.contains(ReasonKind.PINNED, ReasonKind.ADJUSTED);
		}));
		assertThat(plan.sessions().stream().flatMap(s -> s.items().stream()))
			.noneMatch(item -> item.exercise().id().value().equals("cat-cow-all-fours"));

		// Rested by the learning rules (marked painful twice): the pin waits, and the plan says so.
		var rested = tooHard.learning(new LearnedWeek(java.time.LocalDate.of(2026, 11, 30), java.time.Instant.EPOCH,
				Map.of(), Map.of(ExerciseId.of("cat-cow-all-fours"), java.time.LocalDate.of(2026, 12, 28),
						ExerciseId.of("cat-cow-seated"), java.time.LocalDate.of(2026, 12, 28)),
				15, 3, List.of()));
		var restedPlan = PlanGenerator.generate(CATALOGUE, rested);
		assertThat(restedPlan.notes()).contains(new WeeklyPlan.Note(WeeklyPlan.NoteKind.PINNED_RESTED, "cat-cow-all-fours"));
		assertThat(restedPlan.sessions().stream().flatMap(s -> s.items().stream()))
			.noneMatch(item -> item.exercise().id().value().startsWith("cat-cow"));
	}

	@Test
	void feedbackMovesExercisesAlongTheirLinks() {
		var base = request(20, Map.of(PainArea.LOWER_BACK, 5), 15, 3);
		var harder = new PlanRequest(base.age(), base.screening(), base.pain(), base.conditions(), 15, 3, base.equipment(),
				true, Set.of(), Set.of(), new PlanAdjustment(PlanAdjustment.Feedback.TOO_HARD, 0), PriorActivity.ACTIVE);
		var plan = PlanGenerator.generate(CATALOGUE, harder);

		var ids = plan.sessions().stream().flatMap(s -> s.items().stream()).map(i -> i.exercise().id().value()).toList();
		assertThat(ids).doesNotContain("cat-cow-all-fours", "pelvic-tilt-all-fours", "wall-sit");
		assertThat(plan.sessions().stream().flatMap(s -> s.items().stream()))
			.anySatisfy(item -> assertThat(item.reasons()).extracting(WeeklyPlan.Reason::kind).contains(ReasonKind.ADJUSTED));
	}

	@Test
	void theSameRequestAlwaysGivesTheSamePlan() {
		var request = request(33, Map.of(PainArea.LOWER_BACK, 6, PainArea.HIPS, 3, PainArea.PELVIS_FRONT, 5), 25, 5);
		assertThat(PlanGenerator.generate(CATALOGUE, request)).isEqualTo(PlanGenerator.generate(CATALOGUE, request));
	}

}
