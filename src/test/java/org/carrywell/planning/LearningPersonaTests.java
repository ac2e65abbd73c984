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
import org.carrywell.planning.LearnedWeek.Step;
import org.carrywell.planning.PlanAdjustment.Feedback;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;

/** Four women, four histories: what her next weeks' plans learn from each, on the real catalogue. */
class LearningPersonaTests {

	private static final Catalogue CATALOGUE = CatalogueFiles.realCatalogue();

	/** Week 22, lower back 5, was not active: her first plan is 15 min × 3; she asked for 30 × 5. */
	private static final PlanRequest REQUEST = new PlanRequest(GestationalAge.ofWeeks(22), ScreeningOutcome.CLEARED,
			Map.of(PainArea.LOWER_BACK, 5), Set.of(), 30, 5, Set.of(Equipment.MAT, Equipment.CHAIR, Equipment.WALL),
			true, Set.of(), Set.of(), null, PriorActivity.INACTIVE);

	@Test
	void steadyImprovementGrowsOneStepAWeekThenMakesExercisesHarderOneOrTwoAtATime() {
		// Every session feels too easy and her pain falls a little each week.
		var weeks = LearningWeeks.live(CATALOGUE, REQUEST, 8, (week, index, day, items) ->
				LearningWeeks.session(day, 5 - Math.min(4, week), 5 - Math.min(4, week), Feedback.TOO_EASY, items,
						List.of(), List.of()));

		// The plan grows first, one step a week, and nothing else changes while it does.
		assertThat(weeks).extracting(week -> week.plan().minutesPerSession()).containsExactly(15, 20, 25, 30, 30, 30, 30, 30);
		assertThat(weeks).extracting(week -> week.plan().sessionsPerWeek()).containsExactly(3, 3, 3, 3, 4, 5, 5, 5);
		for (var week : weeks.subList(1, 6)) {
			assertThat(week.learned().changes()).extracting(LearnedWeek.Change::rule).containsExactly(LearningRule.GROW_ONE_STEP);
		}
		// Then, at the size she asked for, one or two exercises a week get one step harder.
		var harder = weeks.get(6);
		assertThat(harder.learned().changes()).hasSizeBetween(1, Learning.MAX_PROGRESSIONS).allSatisfy(change -> {
			assertThat(change.rule()).isEqualTo(LearningRule.PROGRESS_EASY_TWICE);
			assertThat(change.step()).isIn(Step.HARDER, Step.MORE_SETS, Step.HELD);
		});
		// The plan shows each change with its reason.
		harder.learned().changes().stream().filter(change -> change.step() != Step.HELD).forEach(change ->
				assertThat(harder.plan().sessions().stream().flatMap(session -> session.items().stream())
					.filter(item -> item.exercise().id().equals(change.to() != null ? change.to() : change.from())))
					.allSatisfy(item -> assertThat(item.reasons()).extracting(WeeklyPlan.Reason::kind)
						.contains(WeeklyPlan.ReasonKind.LEARNED)));
	}

	@Test
	void aFlareUpEasesOffAndHoldsTheSize() {
		// Week 1 goes well; in week 2 her pain climbs from 3 to 7 and sessions raise it.
		var weeks = LearningWeeks.live(CATALOGUE, REQUEST, 3, new LearningWeeks.Persona() {

			@Override
			public SessionOutcome session(int week, int index, LocalDate day, List<ExerciseId> items) {
				return week == 0 ? LearningWeeks.session(day, 3, 3, Feedback.ABOUT_RIGHT, items, List.of(), List.of())
						: LearningWeeks.session(day, 5, 7, Feedback.ABOUT_RIGHT, items, List.of(), List.of());
			}

			@Override
			public List<History.PainReading> diary(int week, LocalDate monday) {
				int pain = week == 0 ? 3 : 7;
				return List.of(new History.PainReading(monday.plusDays(1), pain), new History.PainReading(monday.plusDays(4), pain));
			}

		});

		LearnedWeek third = weeks.get(2).learned();
		assertThat(third.changes()).filteredOn(change -> change.from() != null).isNotEmpty().allSatisfy(change -> {
			assertThat(change.rule()).isEqualTo(LearningRule.EASE_OFF_PAIN_ROSE);
			assertThat(change.step()).isIn(Step.EASIER, Step.FEWER_SETS, Step.HELD);
		});
		assertThat(third.changes()).anySatisfy(change -> assertThat(change.step()).isEqualTo(Step.SIZE_HELD));
		assertThat(weeks.get(2).plan().minutesPerSession()).isEqualTo(weeks.get(1).plan().minutesPerSession());
	}

	@Test
	void anExerciseMarkedPainfulTwiceIsLeftOutAndSaidSo() {
		var first = PlanGenerator.generate(CATALOGUE, REQUEST.learning(
				Learning.nextWeek(CATALOGUE, REQUEST, null, History.NONE, LearningWeeks.FIRST_MONDAY,
						LearningWeeks.clock(LearningWeeks.FIRST_MONDAY, 6))));
		ExerciseId hurts = first.sessions().get(0).items().stream()
			.map(item -> item.exercise().id())
			.filter(id -> CATALOGUE.find(id).orElseThrow().category() != org.carrywell.catalogue.Category.BREATHING)
			.findFirst()
			.orElseThrow();
		var weeks = LearningWeeks.live(CATALOGUE, REQUEST, 3, (week, index, day, items) ->
				LearningWeeks.session(day, 4, 4, Feedback.ABOUT_RIGHT, items, List.of(),
						items.contains(hurts) ? List.of(hurts) : List.of()));

		var later = weeks.stream().filter(week -> week.learned().leftOut().containsKey(hurts)).findFirst().orElseThrow();
		assertThat(later.learned().changes()).anySatisfy(change -> {
			assertThat(change.rule()).isEqualTo(LearningRule.LEAVE_OUT_PAINFUL_TWICE);
			assertThat(change.from()).isEqualTo(hurts);
		});
		assertThat(later.plan().sessions()).allSatisfy(session ->
				assertThat(session.items()).noneSatisfy(item -> assertThat(item.exercise().id()).isEqualTo(hurts)));
		assertThat(weeks.get(weeks.size() - 1).learned().leftOut()).containsKey(hurts);
	}

	@Test
	void aSkippedWeekChangesNothingAndTheSizeWaits() {
		var weeks = LearningWeeks.live(CATALOGUE, REQUEST, 4, (week, index, day, items) ->
				LearningWeeks.session(day, 4, 4, Feedback.ABOUT_RIGHT, items, List.of(), List.of()), 1);

		LearnedWeek afterTheGap = weeks.get(2).learned();
		assertThat(afterTheGap.changes()).filteredOn(change -> change.from() != null).isEmpty();
		assertThat(afterTheGap.changes()).extracting(LearnedWeek.Change::step).containsExactly(Step.SIZE_HELD);
		assertThat(afterTheGap.prescriptions()).isEqualTo(weeks.get(1).learned().prescriptions());
		assertThat(weeks.get(2).plan().minutesPerSession()).isEqualTo(weeks.get(1).plan().minutesPerSession());
		// Back to a full week: it grows again.
		assertThat(weeks.get(3).plan().minutesPerSession()).isEqualTo(weeks.get(2).plan().minutesPerSession() + 5);
	}

}
