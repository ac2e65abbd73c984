package org.carrywell.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.internal.CatalogueFiles;
import org.carrywell.safety.Condition;
import org.carrywell.safety.ExerciseRulesPropertyTests;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;

/** Every plan for any request keeps every promise of the plan generator, on the real catalogue. */
class PlanGeneratorPropertyTests {

	private static final Catalogue CATALOGUE = CatalogueFiles.realCatalogue();

	@Property(tries = 2_000)
	void everyPlanKeepsItsPromises(@ForAll("requests") PlanRequest request) {
		WeeklyPlan plan = PlanGenerator.generate(CATALOGUE, request);

		assertThat(plan.sessions()).hasSize(plan.sessionsPerWeek());
		assertThat(plan.sessionsPerWeek()).isLessThanOrEqualTo(request.sessionsPerWeek());
		assertThat(plan.minutesPerSession()).isLessThanOrEqualTo(request.minutesPerSession());
		// Rule book v2: a first plan is at most 15 min × 3 for someone inactive (or who did not say), 20 × 4 for some.
		if (request.priorActivity() != PriorActivity.ACTIVE) {
			boolean some = request.priorActivity() == PriorActivity.SOME;
			assertThat(plan.minutesPerSession()).isLessThanOrEqualTo(some ? 20 : 15);
			assertThat(plan.sessionsPerWeek()).isLessThanOrEqualTo(some ? 4 : 3);
		}
		assertThat(plan.sessions()).extracting(WeeklyPlan.Session::day).doesNotHaveDuplicates().allSatisfy(
				day -> assertThat(day).isBetween(1, 7));
		for (WeeklyPlan.Session session : plan.sessions()) {
			assertThat(session.totalSeconds()).isLessThanOrEqualTo(plan.minutesPerSession() * 60);
			assertThat(session.items()).hasSizeLessThanOrEqualTo(
					request.gentle() ? PlanGenerator.MAX_EXERCISES_GENTLE : PlanGenerator.MAX_EXERCISES);
			if (request.gentle()) {
				assertThat(session.items().stream().filter(item -> item.exercise().category() == Category.STRENGTH))
					.hasSizeLessThanOrEqualTo(PlanGenerator.MAX_STRENGTH_GENTLE);
			}
			assertThat(session.floorTrips()).as("trips down to the floor").isLessThanOrEqualTo(1);
			assertThat(session.fillsItsTime())
				.isEqualTo(session.totalSeconds() >= SessionSelector.FILL * plan.minutesPerSession() * 60);
			assertThat(session.items()).anySatisfy(item -> assertThat(item.exercise().category()).isEqualTo(Category.BREATHING));
			var families = new HashSet<String>();
			for (WeeklyPlan.Item item : session.items()) {
				assertThat(ExerciseRulesPropertyTests.forbiddenByTheBook(item.exercise(), request.safetyContext()))
					.as("%s is forbidden by the rule book", item.exercise().id())
					.isFalse();
				assertThat(families.add(item.exercise().family())).as("family %s twice", item.exercise().family()).isTrue();
				assertThat(request.excluded()).doesNotContain(item.exercise().id());
				assertThat(item.exercise().category()).isNotEqualTo(Category.CARDIO);
			}
		}
	}

	@Property(tries = 1_000)
	void everyPainfulAreaIsTargetedInEnoughSessions(@ForAll("requests") PlanRequest request) {
		var painful = request.pain().entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
		if (painful.size() > 2 || request.minutesPerSession() < 10) {
			return; // a few minutes cannot target many areas at once; the generator then relaxes the rule
		}
		WeeklyPlan plan = PlanGenerator.generate(CATALOGUE, request);
		int needed = request.sessionsPerWeek() < 3 ? request.sessionsPerWeek() : 2;
		for (PainArea area : painful) {
			boolean coverable = plan.notes().stream().noneMatch(note -> note.kind() == WeeklyPlan.NoteKind.AREA_NOT_COVERED
					&& note.detail().equals(area.name()));
			if (!coverable) {
				continue;
			}
			long sessions = plan.sessions().stream()
				.filter(session -> session.items().stream().anyMatch(item -> item.exercise().weightFor(area) > 0))
				.count();
			assertThat(sessions).as("sessions targeting %s", area).isGreaterThanOrEqualTo(needed);
		}
	}

	@Property(tries = 200)
	void theSameRequestAlwaysGivesTheSamePlan(@ForAll("requests") PlanRequest request) {
		assertThat(PlanGenerator.generate(CATALOGUE, request)).isEqualTo(PlanGenerator.generate(CATALOGUE, request));
	}

	@Provide
	Arbitrary<PlanRequest> requests() {
		var weeks = Arbitraries.integers().between(0, GestationalAge.MAX_WEEKS);
		var screening = Arbitraries.of(ScreeningOutcome.CLEARED, ScreeningOutcome.CLEARANCE_NEEDED);
		Arbitrary<Map<PainArea, Integer>> pain = Arbitraries.maps(Arbitraries.of(PainArea.class),
				Arbitraries.integers().between(0, 10)).ofMaxSize(4);
		var conditions = Arbitraries.of(Condition.class).set().ofMaxSize(2);
		var minutes = Arbitraries.integers().between(PlanRequest.MIN_MINUTES, PlanRequest.MAX_MINUTES);
		var sessions = Arbitraries.integers().between(1, PlanRequest.MAX_SESSIONS);
		var equipment = Arbitraries.of(Equipment.class).set();
		var floorOk = Arbitraries.of(true, false);
		var activity = Arbitraries.of(PriorActivity.class).injectNull(0.2);
		Arbitrary<PlanRequest> base = Combinators
			.combine(weeks, screening, pain, conditions, minutes, sessions, equipment, floorOk)
			.as((week, outcome, painMap, conditionSet, minute, count, equipmentSet, floor) -> new PlanRequest(
					GestationalAge.ofWeeks(week), outcome, painMap, conditionSet, minute, count, equipmentSet, floor,
					Set.of(), Set.of(), null, null));
		return Combinators.combine(base, activity)
			.as((request, prior) -> new PlanRequest(request.age(), request.screening(), request.pain(),
					request.conditions(), request.minutesPerSession(), request.sessionsPerWeek(), request.equipment(),
					request.floorOk(), request.pinned(), request.excluded(), request.adjustment(), prior));
	}

}
