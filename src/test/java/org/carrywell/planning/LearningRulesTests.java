package org.carrywell.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.internal.CatalogueFiles;
import org.carrywell.planning.History.SessionOutcome;
import org.carrywell.planning.LearnedWeek.Prescription;
import org.carrywell.planning.LearnedWeek.Step;
import org.carrywell.planning.PlanAdjustment.Feedback;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;

/** The learning rules' edges, one situation each, on the real catalogue. */
class LearningRulesTests {

	private static final Catalogue CATALOGUE = CatalogueFiles.realCatalogue();

	private static final PlanRequest REQUEST = new PlanRequest(GestationalAge.ofWeeks(22), ScreeningOutcome.CLEARED,
			Map.of(PainArea.LOWER_BACK, 4), Set.of(), 20, 3, Set.of(Equipment.MAT, Equipment.CHAIR, Equipment.WALL, Equipment.PILLOW),
			true, Set.of(), Set.of(), null, PriorActivity.ACTIVE);

	private static final LocalDate LAST_MONDAY = LearningWeeks.FIRST_MONDAY;

	private static final LocalDate MONDAY = LAST_MONDAY.plusWeeks(1);

	private static final ExerciseId SIDE_LYING = ExerciseId.of("tva-activation-side-lying");

	private static final ExerciseId SEATED = ExerciseId.of("tva-activation-seated");

	private static final ExerciseId ALL_FOURS = ExerciseId.of("tva-activation-all-fours");

	/** Last week's decisions, made on its Monday morning: she does the seated tummy hug. */
	private static LearnedWeek lastWeek(ExerciseId prescribed) {
		return new LearnedWeek(LAST_MONDAY, LearningWeeks.at(LAST_MONDAY, 6, 0),
				Map.of("tva-activation", new Prescription(prescribed, 0)), Map.of(), 20, 3, List.of());
	}

	private static LearnedWeek decide(LearnedWeek previous, List<SessionOutcome> sessions) {
		return Learning.nextWeek(CATALOGUE, REQUEST, previous, new History(sessions, List.of()), MONDAY,
				LearningWeeks.clock(MONDAY, 6));
	}

	private static SessionOutcome session(LocalDate day, Feedback felt, List<ExerciseId> painful) {
		return LearningWeeks.session(day, 3, 3, felt, List.of(SEATED), List.of(), painful);
	}

	@Test
	void aSessionDoneOfflineCountsWhenItArrivesNotWhenItWasDone() {
		// Done on the Sunday before last week's decisions, received on Tuesday after them: it felt too hard.
		LocalDate sunday = LAST_MONDAY.minusDays(1);
		var late = new SessionOutcome(sunday, LearningWeeks.at(sunday, 18, 0), LearningWeeks.at(LAST_MONDAY.plusDays(1), 9, 0),
				3, 3, Feedback.TOO_HARD, List.of(SEATED), List.of(), List.of(), true, false);

		LearnedWeek next = decide(lastWeek(SEATED), List.of(late));

		assertThat(next.changes()).anySatisfy(change -> {
			assertThat(change.rule()).isEqualTo(LearningRule.EASE_OFF_FELT_HARD);
			assertThat(change.from()).isEqualTo(SEATED);
		});
	}

	@Test
	void aPainfulMarkInEitherOfTheLastTwoSessionsStopsProgress() {
		var marked = session(LAST_MONDAY.plusDays(1), Feedback.TOO_EASY, List.of(SEATED));
		var fine = session(LAST_MONDAY.plusDays(3), Feedback.TOO_EASY, List.of());

		LearnedWeek next = decide(lastWeek(SEATED), List.of(marked, fine));

		assertThat(next.changes()).noneSatisfy(change -> assertThat(change.rule()).isEqualTo(LearningRule.PROGRESS_EASY_TWICE));
		assertThat(next.prescriptions().get("tva-activation")).isEqualTo(new Prescription(SEATED, 0));
	}

	@Test
	void leavingOutAHarderVariantKeepsHerOnTheEasierOneSheHas() {
		// She is on the side-lying version; the all-fours one, done in two library sessions, hurt both times.
		var first = new SessionOutcome(LAST_MONDAY.plusDays(1), LearningWeeks.at(LAST_MONDAY.plusDays(1), 9, 0),
				LearningWeeks.at(LAST_MONDAY.plusDays(1), 9, 1), 3, 3, Feedback.ABOUT_RIGHT, List.of(ALL_FOURS), List.of(),
				List.of(ALL_FOURS), false, false);
		var second = new SessionOutcome(LAST_MONDAY.plusDays(3), LearningWeeks.at(LAST_MONDAY.plusDays(3), 9, 0),
				LearningWeeks.at(LAST_MONDAY.plusDays(3), 9, 1), 3, 3, Feedback.ABOUT_RIGHT, List.of(ALL_FOURS), List.of(),
				List.of(ALL_FOURS), false, false);

		LearnedWeek next = decide(lastWeek(SIDE_LYING), List.of(first, second));

		assertThat(next.leftOut()).containsKey(ALL_FOURS);
		assertThat(next.prescriptions().get("tva-activation")).as("never moved up by a leave-out")
			.isEqualTo(new Prescription(SIDE_LYING, 0));
		assertThat(next.changes()).singleElement().satisfies(change -> {
			assertThat(change.step()).isEqualTo(Step.LEFT_OUT);
			assertThat(change.from()).isEqualTo(ALL_FOURS);
			assertThat(change.to()).isNull();
		});
	}

	@Test
	void aVariantLeftOutIsNeverTheOneTheEngineMovesHerTo() {
		// Last week: all fours prescribed, seated left out; this week she may not kneel (carpal tunnel).
		var previous = new LearnedWeek(LAST_MONDAY, LearningWeeks.at(LAST_MONDAY, 6, 0),
				Map.of("tva-activation", new Prescription(ALL_FOURS, 0)), Map.of(SEATED, MONDAY.plusWeeks(2)), 20, 3,
				List.of());
		var request = new PlanRequest(REQUEST.age(), REQUEST.screening(), REQUEST.pain(),
				Set.of(org.carrywell.safety.Condition.CARPAL_TUNNEL), 20, 3, REQUEST.equipment(), true, Set.of(), Set.of(),
				null, PriorActivity.ACTIVE);

		LearnedWeek next = Learning.nextWeek(CATALOGUE, request, previous, History.NONE, MONDAY, LearningWeeks.clock(MONDAY, 6));

		assertThat(next.prescriptions().get("tva-activation")).isEqualTo(new Prescription(SIDE_LYING, 0));
		assertThat(next.changes()).singleElement().satisfies(change -> {
			assertThat(change.rule()).isEqualTo(LearningRule.FOLLOW_THE_ENGINE);
			assertThat(change.to()).isEqualTo(SIDE_LYING);
		});
	}

	@Test
	void strongPainInASessionThisWeekMakesNothingHarder() {
		// The diary says 3, but she started one session at 8.
		var strong = LearningWeeks.session(LAST_MONDAY.plusDays(1), 8, 8, Feedback.TOO_EASY, List.of(SEATED), List.of(), List.of());
		var easy = LearningWeeks.session(LAST_MONDAY.plusDays(3), 3, 3, Feedback.TOO_EASY, List.of(SEATED), List.of(), List.of());
		var history = new History(List.of(strong, easy), List.of(new History.PainReading(LAST_MONDAY.plusDays(4), 3)));

		LearnedWeek next = Learning.nextWeek(CATALOGUE, REQUEST, lastWeek(SEATED), history, MONDAY, LearningWeeks.clock(MONDAY, 6));

		assertThat(next.changes()).noneSatisfy(change -> assertThat(change.rule()).isEqualTo(LearningRule.PROGRESS_EASY_TWICE));
	}

}
