package org.carrywell.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.ExerciseTestData;
import org.carrywell.catalogue.PainArea;

/** The exact session solver, each of its ways, against a brute-force search over every subset, on small random instances. */
class SessionSelectorTests {

	@Property(tries = 1_500)
	void findsTheSameBestSessionAsTryingEverySubset(@ForAll("problems") SessionSelector.Problem problem) {
		assertEveryWayFindsTheBest(problem);
		countTheWayTaken(problem, Map.of(SessionSelector.Method.SUBSET_SEARCH, 100, SessionSelector.Method.UNITS_TABLE, 20));
	}

	/** Budgets no choice can overrun, where the value table applies, and with it the fill rule's two cases. */
	@Property(tries = 1_000)
	void findsTheSameBestRoomySessionAsTryingEverySubset(@ForAll("roomyProblems") SessionSelector.Problem problem) {
		assertEveryWayFindsTheBest(problem);
		countTheWayTaken(problem, Map.of(SessionSelector.Method.VALUE_TABLE, 500));
	}

	/** Fails the property's run unless each of these ways was taken more than so many times. */
	private static void countTheWayTaken(SessionSelector.Problem problem, Map<SessionSelector.Method, Integer> atLeast) {
		Statistics.collect(SessionSelector.methodFor(problem));
		Statistics.coverage(coverage -> atLeast
			.forEach((way, times) -> coverage.check(way).count((Integer count) -> count > times)));
	}

	/**
	 * The way {@link SessionSelector#solve} takes, and each way on its own, against the brute force: the same
	 * value and, among sessions of equal value, as many units, and a session that keeps every constraint.
	 */
	private static void assertEveryWayFindsTheBest(SessionSelector.Problem problem) {
		Optional<Best> expected = bruteForce(problem);
		var ways = new ArrayList<SessionSelector.Method>(List.of(SessionSelector.Method.SUBSET_SEARCH,
				SessionSelector.Method.UNITS_TABLE));
		if (SessionSelector.methodFor(problem) == SessionSelector.Method.VALUE_TABLE) {
			ways.add(SessionSelector.Method.VALUE_TABLE);
		}
		assertFindsTheBest("solve", SessionSelector.solve(problem), expected, problem);
		for (SessionSelector.Method way : ways) {
			assertFindsTheBest(way.name(), SessionSelector.solve(problem, way), expected, problem);
		}
	}

	private static void assertFindsTheBest(String way, Optional<SessionSelector.Selection> solved, Optional<Best> expected,
			SessionSelector.Problem problem) {
		assertThat(solved.map(selection -> new Best(selection.value(), selection.units()))).as(way).isEqualTo(expected);
		solved.ifPresent(selection -> {
			assertThat(feasible(selection.chosen(), problem)).as(way).isTrue();
			assertThat(selection.units()).as(way).isEqualTo(selection.chosen().stream().mapToInt(Candidate::units).sum());
			assertThat(selection.value()).as(way).isEqualTo(selection.chosen().stream().mapToInt(Candidate::value).sum());
			assertThat(selection.chosen()).as(way).containsAll(problem.forced());
		});
	}

	@Property(tries = 200)
	void theSameProblemAlwaysGivesTheSameSession(@ForAll("problems") SessionSelector.Problem problem) {
		assertThat(SessionSelector.solve(problem)).isEqualTo(SessionSelector.solve(problem));
	}

	@Test
	void prefersAFullSessionOverAMoreValuableShortOne() {
		var breath = candidate("breath", "b", Category.BREATHING, PainArea.LOWER_BACK, 4, 5);
		var small = candidate("small", "s", Category.MOBILITY, PainArea.LOWER_BACK, 2, 50);
		var filler = candidate("filler", "f", Category.STRETCH, PainArea.HIPS, 4, 1);
		var problem = new SessionSelector.Problem(List.of(breath, small, filler), 10, Set.of(), List.of(), 8, 8);

		var selection = SessionSelector.solve(problem).orElseThrow();

		assertThat(selection.units()).isGreaterThanOrEqualTo(problem.fillUnits());
		assertThat(selection.chosen()).contains(breath, filler);
	}

	@Test
	void neverHoldsMoreExercisesOrStrengthExercisesThanItsLimits() {
		var breath = candidate("breath", "b", Category.BREATHING, PainArea.LOWER_BACK, 1, 5);
		var strong = new ArrayList<Candidate>();
		for (int i = 0; i < 6; i++) {
			strong.add(candidate("s" + i, "s" + i, Category.STRENGTH, PainArea.LOWER_BACK, 1, 50));
		}
		var mobility = candidate("m", "m", Category.MOBILITY, PainArea.LOWER_BACK, 1, 10);
		var all = new ArrayList<>(strong);
		all.add(breath);
		all.add(mobility);

		var selection = SessionSelector.solve(new SessionSelector.Problem(all, 40, Set.of(), List.of(), 4, 2)).orElseThrow();

		assertThat(selection.chosen()).hasSize(4).contains(breath, mobility);
		assertThat(selection.chosen().stream().filter(c -> c.exercise().category() == Category.STRENGTH)).hasSize(2);
	}

	/** Counting a hundred families' choices overflows a long; the count is capped, so the table is taken. */
	@Test
	void manyFamiliesUnderALargeLimitAreSolvedByTheTableNotByTryingEveryChoice() {
		var many = new ArrayList<Candidate>();
		many.add(candidate("breath", "breath", Category.BREATHING, PainArea.LOWER_BACK, 2, 5));
		for (int i = 0; i < 99; i++) {
			many.add(candidate("m" + i, "f" + i, Category.MOBILITY, PainArea.HIPS, 1 + i % 8, 10 + i % 7));
		}
		var problem = new SessionSelector.Problem(many, 60, Set.of(), List.of(), 120, 120);

		assertThat(SessionSelector.methodFor(problem)).isEqualTo(SessionSelector.Method.UNITS_TABLE);
		assertThat(SessionSelector.solve(problem)).hasValueSatisfying(selection -> assertThat(feasible(selection.chosen(), problem)).isTrue());
	}

	@Test
	void withoutABreathingExerciseThereIsNoSession() {
		var mobility = candidate("m", "m", Category.MOBILITY, PainArea.LOWER_BACK, 4, 5);
		assertThat(SessionSelector.solve(new SessionSelector.Problem(List.of(mobility), 20, Set.of(), List.of(), 8, 8))).isEmpty();
	}

	/** The best session's value and units. */
	record Best(int value, int units) {

		boolean beats(Best other) {
			return value > other.value || (value == other.value && units > other.units);
		}

	}

	/**
	 * Every subset that meets the hard constraints; the fill rule picks among them as the solver must, and ties go
	 * to the fuller session.
	 */
	static Optional<Best> bruteForce(SessionSelector.Problem problem) {
		List<Candidate> free = problem.candidates().stream().filter(c -> !problem.forced().contains(c)).toList();
		Best bestFilled = null;
		Best bestAny = null;
		for (int subset = 0; subset < (1 << free.size()); subset++) {
			var chosen = new ArrayList<>(problem.forced());
			for (int i = 0; i < free.size(); i++) {
				if ((subset & (1 << i)) != 0) {
					chosen.add(free.get(i));
				}
			}
			if (!feasible(chosen, problem)) {
				continue;
			}
			var found = new Best(chosen.stream().mapToInt(Candidate::value).sum(),
					chosen.stream().mapToInt(Candidate::units).sum());
			if (bestAny == null || found.beats(bestAny)) {
				bestAny = found;
			}
			if (found.units() >= problem.fillUnits() && (bestFilled == null || found.beats(bestFilled))) {
				bestFilled = found;
			}
		}
		return Optional.ofNullable(bestFilled != null ? bestFilled : bestAny);
	}

	static boolean feasible(List<Candidate> chosen, SessionSelector.Problem problem) {
		var families = new HashSet<String>();
		for (Candidate candidate : chosen) {
			if (!families.add(candidate.exercise().family())) {
				return false;
			}
		}
		return chosen.stream().mapToInt(Candidate::units).sum() <= problem.budgetUnits()
				&& chosen.size() <= problem.maxItems()
				&& chosen.stream().filter(c -> c.exercise().category() == Category.STRENGTH).count() <= problem.maxStrength()
				&& chosen.stream().anyMatch(c -> c.exercise().category() == Category.BREATHING)
				&& problem.required().stream().allMatch(area -> chosen.stream().anyMatch(c -> c.exercise().weightFor(area) > 0));
	}

	private static Candidate candidate(String id, String family, Category category, PainArea area, int units, int value) {
		return new Candidate(ExerciseTestData.anExercise().withId(id).inFamily(family).inCategory(category).targeting(area, 2)
			.build(), units, value);
	}

	@Provide
	Arbitrary<SessionSelector.Problem> problems() {
		return problems(Arbitraries.integers().between(2, 30));
	}

	@Provide
	Arbitrary<SessionSelector.Problem> roomyProblems() {
		return problems(Arbitraries.integers().between(20, 90));
	}

	private Arbitrary<SessionSelector.Problem> problems(Arbitrary<Integer> budgets) {
		Arbitrary<Candidate> candidates = Combinators
			.combine(Arbitraries.integers().between(0, 9999), Arbitraries.of("a", "b", "c", "d", "e", "f", "g"),
					Arbitraries.of(Category.BREATHING, Category.MOBILITY, Category.STRENGTH, Category.STRETCH,
							Category.RELAXATION),
					Arbitraries.of(PainArea.LOWER_BACK, PainArea.HIPS, PainArea.UPPER_BACK),
					Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 60))
			.as((n, family, category, area, units, value) -> candidate("e" + n, family, category, area, units, value));
		var lists = candidates.list().ofMinSize(1).ofMaxSize(11).uniqueElements(c -> c.exercise().id());
		var required = Arbitraries.of(PainArea.LOWER_BACK, PainArea.HIPS, PainArea.UPPER_BACK).set().ofMaxSize(2);
		var forcedCount = Arbitraries.integers().between(0, 1);
		var maxItems = Arbitraries.integers().between(1, 8);
		var maxStrength = Arbitraries.integers().between(0, 8);
		return Combinators.combine(lists, budgets, required, forcedCount, maxItems, maxStrength)
			.as((list, budget, areas, forced, items, strength) -> {
				List<Candidate> pinned = forced == 0 ? List.of() : List.of(list.get(0));
				return new SessionSelector.Problem(list, budget, areas.isEmpty() ? EnumSet.noneOf(PainArea.class) : areas,
						pinned, items, strength);
			});
	}

}
