package org.carrywell.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.ExerciseTestData;
import org.carrywell.catalogue.PainArea;

/** The exact session solver against a brute-force search over every subset, on small random instances. */
class SessionSelectorTests {

	@Property(tries = 1_500)
	void findsTheSameBestValueAsTryingEverySubset(@ForAll("problems") SessionSelector.Problem problem) {
		Optional<SessionSelector.Selection> solved = SessionSelector.solve(problem);
		Optional<Integer> bruteForce = bruteForce(problem);

		assertThat(solved.map(SessionSelector.Selection::value)).isEqualTo(bruteForce);
		solved.ifPresent(selection -> {
			assertThat(feasible(selection.chosen(), problem)).isTrue();
			assertThat(selection.units()).isEqualTo(selection.chosen().stream().mapToInt(Candidate::units).sum());
			assertThat(selection.chosen()).containsAll(problem.forced());
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

	@Test
	void withoutABreathingExerciseThereIsNoSession() {
		var mobility = candidate("m", "m", Category.MOBILITY, PainArea.LOWER_BACK, 4, 5);
		assertThat(SessionSelector.solve(new SessionSelector.Problem(List.of(mobility), 20, Set.of(), List.of(), 8, 8))).isEmpty();
	}

	/** Every subset that meets the hard constraints; the fill rule picks among them as the solver must. */
	static Optional<Integer> bruteForce(SessionSelector.Problem problem) {
		List<Candidate> free = problem.candidates().stream().filter(c -> !problem.forced().contains(c)).toList();
		Integer bestFilled = null;
		Integer bestAny = null;
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
			int value = chosen.stream().mapToInt(Candidate::value).sum();
			int units = chosen.stream().mapToInt(Candidate::units).sum();
			bestAny = bestAny == null ? value : Math.max(bestAny, value);
			if (units >= problem.fillUnits()) {
				bestFilled = bestFilled == null ? value : Math.max(bestFilled, value);
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
		Arbitrary<Candidate> candidates = Combinators
			.combine(Arbitraries.integers().between(0, 9999), Arbitraries.of("a", "b", "c", "d", "e", "f", "g"),
					Arbitraries.of(Category.BREATHING, Category.MOBILITY, Category.STRENGTH, Category.STRETCH,
							Category.RELAXATION),
					Arbitraries.of(PainArea.LOWER_BACK, PainArea.HIPS, PainArea.UPPER_BACK),
					Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 60))
			.as((n, family, category, area, units, value) -> candidate("e" + n, family, category, area, units, value));
		var lists = candidates.list().ofMinSize(1).ofMaxSize(11).uniqueElements(c -> c.exercise().id());
		var budgets = Arbitraries.integers().between(2, 30);
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
