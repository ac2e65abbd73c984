package org.carrywell.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.ExerciseId;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.internal.CatalogueFiles;
import org.carrywell.planning.History.SessionOutcome;
import org.carrywell.planning.LearnedWeek.Prescription;
import org.carrywell.planning.PlanAdjustment.Feedback;
import org.carrywell.safety.Condition;
import org.carrywell.safety.ExerciseRules;
import org.carrywell.safety.ExerciseRulesPropertyTests;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;

/**
 * The learning rules keep their promises for any history: never an exercise the engine forbids her, never more
 * than one step a week (for each family and for the plan's size), the same decisions for the same history, and
 * every change explained.
 */
class LearningPropertyTests {

	private static final Catalogue CATALOGUE = CatalogueFiles.realCatalogue();

	/**
	 * A request and a random life: how each session went is drawn from a seed, so a failure can be replayed. An
	 * easy life mostly feels too easy with pain steady or falling (so progress is tried as often as easing off).
	 */
	record Case(PlanRequest request, long seed, int weeks, boolean easyLife) {
	}

	/** Which steps the random lives took: the properties are only worth as much as the changes they saw. */
	private static final Map<LearnedWeek.Step, Integer> STEPS_SEEN = new java.util.concurrent.ConcurrentHashMap<>();

	@AfterContainer
	static void everyKindOfStepWasTaken() {
		assertThat(STEPS_SEEN.keySet()).as("steps the random histories took: %s", STEPS_SEEN).contains(
				LearnedWeek.Step.HARDER, LearnedWeek.Step.MORE_SETS, LearnedWeek.Step.EASIER, LearnedWeek.Step.FEWER_SETS,
				LearnedWeek.Step.LEFT_OUT, LearnedWeek.Step.MORE_MINUTES, LearnedWeek.Step.MORE_SESSIONS,
				LearnedWeek.Step.SIZE_HELD);
	}

	@Property(tries = 300)
	void learningKeepsItsPromises(@ForAll("cases") Case lived) {
		var random = new Random(lived.seed());
		PlanRequest request = lived.request();
		var sessions = new ArrayList<SessionOutcome>();
		var diary = new ArrayList<History.PainReading>();
		LearnedWeek previous = null;
		for (int week = 0; week < lived.weeks(); week++) {
			LocalDate monday = LearningWeeks.FIRST_MONDAY.plusWeeks(week);
			LocalDate asOf = monday.plusDays(random.nextInt(3));
			History history = new History(sessions, diary);
			LearnedWeek next = Learning.nextWeek(CATALOGUE, request, previous, history, monday, asOf);

			assertThat(Learning.nextWeek(CATALOGUE, request, previous, history, monday, asOf)).as("deterministic")
				.isEqualTo(next);
			neverUnsafe(request, next);
			oneStepAtMost(request, previous, next, history, monday);
			everyChangeExplained(previous, next);
			next.changes().forEach(change -> STEPS_SEEN.merge(change.step(), 1, Integer::sum));
			WeeklyPlan plan = PlanGenerator.generate(CATALOGUE, request.learning(next));
			planStaysSafeAndSaysWhy(request, next, plan);

			previous = next;
			for (WeeklyPlan.Session session : plan.sessions()) {
				if (random.nextInt(5) == 0) {
					continue; // a session skipped
				}
				var items = session.items().stream().map(item -> item.exercise().id()).toList();
				boolean easy = lived.easyLife();
				var painful = items.stream().filter(id -> random.nextInt(easy ? 40 : 8) == 0).toList();
				var easier = items.stream()
					.map(id -> CATALOGUE.find(id).orElseThrow().easierVariant())
					.flatMap(Optional::stream)
					.filter(id -> random.nextInt(easy ? 40 : 6) == 0)
					.toList();
				int before = easy ? Math.max(0, 6 - week) : random.nextInt(11);
				int after = easy ? before : Math.max(0, Math.min(10, before + random.nextInt(5) - 2));
				Feedback felt = easy ? (random.nextInt(10) == 0 ? Feedback.ABOUT_RIGHT : Feedback.TOO_EASY)
						: random.nextInt(6) == 0 ? null : Feedback.values()[random.nextInt(3)];
				sessions.add(new SessionOutcome(monday.plusDays(session.day() - 1), before, after, felt, items, easier,
						painful));
			}
			if (random.nextBoolean()) {
				int pain = lived.easyLife() ? Math.max(0, 6 - week) : random.nextInt(11);
				diary.add(new History.PainReading(monday.plusDays(random.nextInt(7)), pain));
			}
		}
	}

	private static void neverUnsafe(PlanRequest request, LearnedWeek next) {
		var assessment = ExerciseRules.assess(CATALOGUE, request.safetyContext());
		for (var change : next.changes()) {
			if (change.to() != null) {
				assertThat(assessment.verdict(change.to()).orElseThrow().allowed())
					.as("%s was prescribed but is forbidden for her", change.to()).isTrue();
			}
		}
		next.prescriptions().values().forEach(prescription -> assertThat(
				assessment.verdict(prescription.exercise()).orElseThrow().allowed()).isTrue());
	}

	private static void oneStepAtMost(PlanRequest request, LearnedWeek previous, LearnedWeek next, History history,
			LocalDate monday) {
		assertThat(next.minutesPerSession()).isLessThanOrEqualTo(request.minutesPerSession());
		assertThat(next.sessionsPerWeek()).isLessThanOrEqualTo(request.sessionsPerWeek());
		if (previous == null) {
			int[] first = PlanGenerator.firstPlanLimit(request.priorActivity());
			assertThat(next.minutesPerSession()).isLessThanOrEqualTo(first[0]);
			assertThat(next.sessionsPerWeek()).isLessThanOrEqualTo(first[1]);
			return;
		}
		int moreMinutes = next.minutesPerSession() - previous.minutesPerSession();
		int moreSessions = next.sessionsPerWeek() - previous.sessionsPerWeek();
		assertThat(moreMinutes).isLessThanOrEqualTo(Learning.MINUTES_STEP);
		assertThat(moreSessions).isLessThanOrEqualTo(1);
		assertThat(moreMinutes > 0 && moreSessions > 0).as("minutes and sessions grew in one week").isFalse();
		next.prescriptions().forEach((family, now) -> {
			Prescription before = previous.prescriptions().get(family);
			if (before != null) {
				assertThat(steps(before, now)).as("family %s moved from %s to %s", family, before, now).isLessThanOrEqualTo(1);
			}
			else {
				// New this week: one step from an exercise of the family she did.
				boolean near = history.sessions().stream()
					.flatMap(session -> session.done().stream())
					.distinct()
					.filter(id -> CATALOGUE.find(id).orElseThrow().family().equals(family))
					.anyMatch(done -> steps(new Prescription(done, 0), now) <= 1);
				assertThat(near).as("family %s newly prescribed %s", family, now).isTrue();
			}
		});
	}

	/** Steps between two prescriptions: a set each, or one link along easier/harder with no set change. */
	private static int steps(Prescription from, Prescription to) {
		if (from.exercise().equals(to.exercise())) {
			return Math.abs(to.setDelta() - from.setDelta());
		}
		Exercise exercise = CATALOGUE.find(from.exercise()).orElseThrow();
		boolean linked = exercise.harderVariant().equals(Optional.of(to.exercise()))
				|| exercise.easierVariant().equals(Optional.of(to.exercise()));
		return linked && from.setDelta() == 0 && to.setDelta() == 0 ? 1 : 99;
	}

	private static void everyChangeExplained(LearnedWeek previous, LearnedWeek next) {
		next.prescriptions().forEach((family, now) -> {
			Prescription before = previous == null ? null : previous.prescriptions().get(family);
			if (!now.equals(before)) {
				assertThat(next.changes()).as("the change to %s is explained", family).anySatisfy(change -> {
					assertThat(change.from()).isNotNull();
					assertThat(now.exercise()).isIn(change.from(), change.to());
				});
			}
		});
		next.leftOut().keySet().stream()
			.filter(id -> previous == null || !previous.leftOut().containsKey(id))
			.forEach(id -> assertThat(next.changes()).anySatisfy(change -> {
				assertThat(change.rule()).isEqualTo(LearningRule.LEAVE_OUT_PAINFUL_TWICE);
				assertThat(change.from()).isEqualTo(id);
			}));
		assertThat(next.changes().stream().filter(change -> change.from() == null)).hasSizeLessThanOrEqualTo(1);
	}

	private static void planStaysSafeAndSaysWhy(PlanRequest request, LearnedWeek next, WeeklyPlan plan) {
		assertThat(plan.minutesPerSession()).isLessThanOrEqualTo(next.minutesPerSession());
		assertThat(plan.sessionsPerWeek()).isLessThanOrEqualTo(next.sessionsPerWeek());
		assertThat(plan.changes()).isEqualTo(next.changes());
		for (WeeklyPlan.Session session : plan.sessions()) {
			for (WeeklyPlan.Item item : session.items()) {
				assertThat(ExerciseRulesPropertyTests.forbiddenByTheBook(item.exercise(), request.safetyContext())).isFalse();
				assertThat(next.leftOut()).doesNotContainKey(item.exercise().id());
				boolean changedThisWeek = next.changes().stream().anyMatch(change -> item.exercise().id().equals(change.to()));
				if (changedThisWeek) {
					assertThat(item.reasons()).extracting(WeeklyPlan.Reason::kind).contains(WeeklyPlan.ReasonKind.LEARNED);
				}
			}
		}
	}

	@Provide
	Arbitrary<Case> cases() {
		var weeks = Arbitraries.integers().between(0, GestationalAge.MAX_WEEKS - 4);
		Arbitrary<Map<PainArea, Integer>> pain = Arbitraries.maps(Arbitraries.of(PainArea.class),
				Arbitraries.integers().between(0, 10)).ofMaxSize(3);
		var conditions = Arbitraries.of(Condition.class).set().ofMaxSize(2);
		var minutes = Arbitraries.integers().between(PlanRequest.MIN_MINUTES, PlanRequest.MAX_MINUTES);
		var sessions = Arbitraries.integers().between(1, PlanRequest.MAX_SESSIONS);
		var equipment = Arbitraries.of(Equipment.class).set();
		var floorOk = Arbitraries.of(true, false);
		var activity = Arbitraries.of(PriorActivity.class).injectNull(0.2);
		Arbitrary<PlanRequest> requests = Combinators
			.combine(weeks, pain, conditions, minutes, sessions, equipment, floorOk, activity)
			.as((week, painMap, conditionSet, minute, count, equipmentSet, floor, prior) -> new PlanRequest(
					GestationalAge.ofWeeks(week), ScreeningOutcome.CLEARED, painMap, conditionSet, minute, count,
					equipmentSet, floor, Set.of(), Set.of(), null, prior));
		return Combinators.combine(requests, Arbitraries.longs(), Arbitraries.integers().between(2, 6),
				Arbitraries.of(true, false)).as(Case::new);
	}

}
