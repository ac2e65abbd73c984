package org.carrywell.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.PainArea;

/**
 * Chooses one session's exercises exactly. The problem:
 *
 * <pre>
 * maximise   Σ value(e)                      over the chosen exercises e
 * subject to Σ units(e) ≤ budget             (15-second units; the session fits her time)
 *            at most one exercise per family (no movement twice in a session)
 *            at most maxItems exercises, of which at most maxStrength STRENGTH (rule book v2)
 *            at least one BREATHING exercise
 *            every required pain area targeted by at least one chosen exercise
 *            the forced (pinned) exercises are chosen
 * and, among solutions that fill at least 85 % of the budget, the best one if any exists.
 * </pre>
 *
 * Among sessions of equal value the fuller one wins; ties beyond that are broken the same way every time for the
 * same input, by whichever way solves it (so a tie may fall differently from one way to another). It is a
 * multiple-choice knapsack with a few yes/no side constraints, small enough (tens of candidates, at most 180 units,
 * at most 8 exercises) to be solved exactly in one of three ways, whichever is cheapest for the problem at hand:
 * <ul>
 * <li>{@link ValueTable}: when no choice the limit on exercises allows could overrun her time, units are no
 * constraint and need not be a dimension of the table; its answer stands unless the fill rule could change it;</li>
 * <li>{@link SubsetSearch}: every allowed choice, one family after the other, when there are few of them (a few
 * families, or a low limit on exercises);</li>
 * <li>{@link UnitsTable}: dynamic programming over families × units used × the counts × the side constraints.</li>
 * </ul>
 * Each is exact on its own, and the tests hold each against a brute-force search; the same input always gives the
 * same session.
 */
final class SessionSelector {

	static final double FILL = 0.85;

	/** What a step of the subset search costs against a state-and-option step of the units table, roughly. */
	private static final int SEARCH_STEP_COST = 3;

	private SessionSelector() {
	}

	/**
	 * @param required pain areas the session must target (at most a few: each doubles the state space)
	 * @param maxItems the most exercises the session may hold
	 * @param maxStrength the most STRENGTH exercises among them
	 */
	record Problem(List<Candidate> candidates, int budgetUnits, Set<PainArea> required, List<Candidate> forced,
			int maxItems, int maxStrength) {

		Problem {
			candidates = List.copyOf(candidates);
			required = Set.copyOf(required);
			forced = List.copyOf(forced);
			if (maxItems < 1 || maxStrength < 0) {
				throw new IllegalArgumentException("maxItems must be at least 1 and maxStrength at least 0");
			}
		}

		int fillUnits() {
			return (int) Math.ceil(FILL * budgetUnits);
		}

	}

	record Selection(List<Candidate> chosen, int value, int units) {

		Selection {
			chosen = List.copyOf(chosen);
		}

	}

	/** The ways to solve a problem; each is exact. */
	enum Method {

		VALUE_TABLE, SUBSET_SEARCH, UNITS_TABLE

	}

	/** @return the best session, or empty when no choice meets the hard constraints */
	static Optional<Selection> solve(Problem problem) {
		var layers = Layers.of(problem);
		if (!layers.startFits()) {
			return Optional.empty();
		}
		if (layers.budgetCannotBind()) {
			var answer = ValueTable.solve(layers);
			if (answer.settled()) {
				return answer.best();
			}
		}
		return cheaperOfSearchAndTable(layers) == Method.SUBSET_SEARCH ? SubsetSearch.solve(layers)
				: UnitsTable.solve(layers);
	}

	/** The way {@link #solve} takes for a problem; for the tests, which must see every way taken. */
	static Method methodFor(Problem problem) {
		var layers = Layers.of(problem);
		if (layers.startFits() && layers.budgetCannotBind() && ValueTable.solve(layers).settled()) {
			return Method.VALUE_TABLE;
		}
		return cheaperOfSearchAndTable(layers);
	}

	/** One way on its own, whether or not {@link #solve} would take it; the value table only where it applies. */
	static Optional<Selection> solve(Problem problem, Method method) {
		var layers = Layers.of(problem);
		if (!layers.startFits()) {
			return Optional.empty();
		}
		return switch (method) {
			case VALUE_TABLE -> {
				if (!layers.budgetCannotBind()) {
					throw new IllegalArgumentException("the value table needs a budget that no choice can overrun");
				}
				var answer = ValueTable.solve(layers);
				if (!answer.settled()) {
					throw new IllegalArgumentException("the fill rule decides this problem: not the value table's");
				}
				yield answer.best();
			}
			case SUBSET_SEARCH -> SubsetSearch.solve(layers);
			case UNITS_TABLE -> UnitsTable.solve(layers);
		};
	}

	private static Method cheaperOfSearchAndTable(Layers layers) {
		long searchSteps = SubsetSearch.steps(layers);
		return searchSteps * SEARCH_STEP_COST <= UnitsTable.steps(layers) ? Method.SUBSET_SEARCH : Method.UNITS_TABLE;
	}

	static boolean isStrength(Candidate candidate) {
		return candidate.exercise().category() == Category.STRENGTH;
	}

	/** Bit 0: a breathing exercise; bit i: the i-th required area is targeted. */
	static int mask(Candidate candidate, List<PainArea> required) {
		int mask = candidate.exercise().category() == Category.BREATHING ? 1 : 0;
		for (int i = 0; i < required.size(); i++) {
			if (candidate.exercise().weightFor(required.get(i)) > 0) {
				mask |= 1 << (i + 1);
			}
		}
		return mask;
	}

	/**
	 * A problem as every way of solving it reads it: what the forced exercises already use and meet, and one layer
	 * per remaining family (sorted, so that ties always fall the same way), whose options are "none" or one of its
	 * candidates, with each option's units, value, side constraints met and strength, in arrays.
	 */
	static final class Layers {

		private static final Comparator<Candidate> BY_FAMILY_THEN_ID = Comparator
			.comparing((Candidate c) -> c.exercise().family())
			.thenComparing(c -> c.exercise().id());

		final Problem problem;

		final int itemLimit;

		final int strengthLimit;

		final List<List<Candidate>> families;

		final int[][] units;

		final int[][] values;

		final int[][] masks;

		/** 1 for a STRENGTH exercise, else 0. */
		final int[][] strength;

		final int startUnits;

		final int startValue;

		final int startCount;

		final int startStrength;

		final int startMask;

		/** Breathing plus every required area. */
		final int fullMask;

		/** How many exercises a session could hold at most: the forced ones and one of each family. */
		final int possibleItems;

		/** Its upper bound on units; see {@link #mostUnits()}. */
		private final int mostUnits;

		private Layers(Problem problem, int itemLimit, int strengthLimit) {
			this.problem = problem;
			this.itemLimit = itemLimit;
			this.strengthLimit = strengthLimit;
			List<PainArea> required = problem.required().stream().sorted().toList();
			if (problem.candidates().size() > Byte.MAX_VALUE) {
				throw new IllegalArgumentException("too many candidates for one session: " + problem.candidates().size());
			}
			if (required.size() > 7) {
				// A state's mask (breathing plus one bit per area) is kept in a byte when it is traced back.
				throw new IllegalArgumentException("too many required areas for one session: " + required.size());
			}
			var forcedFamilies = new HashSet<String>();
			problem.forced().forEach(c -> forcedFamilies.add(c.exercise().family()));
			var free = new ArrayList<Candidate>(problem.candidates().size());
			for (Candidate candidate : problem.candidates()) {
				if (!forcedFamilies.contains(candidate.exercise().family())) {
					free.add(candidate);
				}
			}
			free.sort(BY_FAMILY_THEN_ID);
			Map<String, List<Candidate>> byFamily = new LinkedHashMap<>();
			free.forEach(c -> byFamily.computeIfAbsent(c.exercise().family(), f -> new ArrayList<>()).add(c));
			this.families = List.copyOf(byFamily.values());
			int layerCount = families.size();
			this.units = new int[layerCount][];
			this.values = new int[layerCount][];
			this.masks = new int[layerCount][];
			this.strength = new int[layerCount][];
			// Plain loops: this runs for every session of every plan, and a stream per layer and field cost more
			// than the table for a short session.
			for (int layer = 0; layer < layerCount; layer++) {
				List<Candidate> options = families.get(layer);
				int optionCount = options.size();
				units[layer] = new int[optionCount];
				values[layer] = new int[optionCount];
				masks[layer] = new int[optionCount];
				strength[layer] = new int[optionCount];
				for (int option = 0; option < optionCount; option++) {
					Candidate candidate = options.get(option);
					units[layer][option] = candidate.units();
					values[layer][option] = candidate.value();
					masks[layer][option] = mask(candidate, required);
					strength[layer][option] = isStrength(candidate) ? 1 : 0;
				}
			}
			int forcedMask = 0;
			int forcedUnits = 0;
			int forcedValue = 0;
			int forcedStrength = 0;
			for (Candidate forced : problem.forced()) {
				forcedMask |= mask(forced, required);
				forcedUnits += forced.units();
				forcedValue += forced.value();
				forcedStrength += isStrength(forced) ? 1 : 0;
			}
			this.startMask = forcedMask;
			this.startUnits = forcedUnits;
			this.startValue = forcedValue;
			this.startCount = problem.forced().size();
			this.startStrength = forcedStrength;
			this.fullMask = (1 << (1 + required.size())) - 1;
			this.possibleItems = startCount + layerCount;
			this.mostUnits = mostUnits(itemLimit);
		}

		/** The same layers under other limits: nothing is sorted or counted again. */
		private Layers(Layers layers, int itemLimit, int strengthLimit) {
			this.problem = layers.problem;
			this.itemLimit = itemLimit;
			this.strengthLimit = strengthLimit;
			this.families = layers.families;
			this.units = layers.units;
			this.values = layers.values;
			this.masks = layers.masks;
			this.strength = layers.strength;
			this.startUnits = layers.startUnits;
			this.startValue = layers.startValue;
			this.startCount = layers.startCount;
			this.startStrength = layers.startStrength;
			this.startMask = layers.startMask;
			this.fullMask = layers.fullMask;
			this.possibleItems = layers.possibleItems;
			this.mostUnits = mostUnits(itemLimit);
		}

		/** The problem's layers under its own limits. */
		static Layers of(Problem problem) {
			return new Layers(problem, problem.maxItems(), problem.maxStrength());
		}

		Layers withLimits(int otherItemLimit, int otherStrengthLimit) {
			return new Layers(this, otherItemLimit, otherStrengthLimit);
		}

		int size() {
			return families.size();
		}

		int budget() {
			return problem.budgetUnits();
		}

		int fillUnits() {
			return problem.fillUnits();
		}

		/** Whether the forced exercises alone keep within the limits. */
		boolean startFits() {
			return startUnits <= budget() && startCount <= itemLimit && startStrength <= strengthLimit;
		}

		/**
		 * The most units any allowed choice could use: the forced ones and the longest option of as many families
		 * as the limit on exercises lets in.
		 */
		int mostUnits() {
			return mostUnits;
		}

		private int mostUnits(int limit) {
			int slots = Math.max(0, Math.min(limit, possibleItems) - startCount);
			int[] longestPerFamily = new int[size()];
			for (int layer = 0; layer < size(); layer++) {
				for (int optionUnits : units[layer]) {
					longestPerFamily[layer] = Math.max(longestPerFamily[layer], optionUnits);
				}
			}
			Arrays.sort(longestPerFamily);
			int most = startUnits;
			for (int i = longestPerFamily.length - 1; i >= Math.max(0, longestPerFamily.length - slots); i--) {
				most += longestPerFamily[i];
			}
			return most;
		}

		/** Whether no choice within the limit on exercises could overrun the budget. */
		boolean budgetCannotBind() {
			return mostUnits() <= budget();
		}

		/**
		 * The selection made of the forced exercises and the option chosen per layer (-1: none), listed as the
		 * units table has always listed them (forced first, then the last family first), because the dose given
		 * to each afterwards breaks its ties by that order.
		 */
		Selection selection(int[] optionPerLayer) {
			var chosen = new ArrayList<>(problem.forced());
			int totalUnits = startUnits;
			int totalValue = startValue;
			for (int layer = optionPerLayer.length - 1; layer >= 0; layer--) {
				int option = optionPerLayer[layer];
				if (option >= 0) {
					chosen.add(families.get(layer).get(option));
					totalUnits += units[layer][option];
					totalValue += values[layer][option];
				}
			}
			return new Selection(chosen, totalValue, totalUnits);
		}

	}

}
