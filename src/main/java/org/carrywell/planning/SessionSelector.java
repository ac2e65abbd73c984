package org.carrywell.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * It is a multiple-choice knapsack with a few yes/no side constraints, solved by dynamic programming over
 * families × used units × exercises chosen × strength exercises chosen (only when that is limited below the
 * count) × which side constraints are met: exact, and small (tens of candidates, at most 180 units, at most 8
 * exercises). Ties are broken the same way every time, so the same input always gives the same session.
 */
final class SessionSelector {

	static final double FILL = 0.85;

	private static final int UNREACHABLE = -1;

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

	/**
	 * @return the best session, or empty when no choice meets the hard constraints. The limits on how many
	 * exercises (and strength exercises) a session holds multiply the state space, yet most sessions are within
	 * them anyway: the problem is first solved without them, and only when that best session breaks a limit
	 * again with them. Both are exact, so the first answer, when it keeps the limits, is the best that does.
	 */
	static Optional<Selection> solve(Problem problem) {
		// Only worth trying when a session of average exercises would stay within the limit; a long session of
		// short exercises would not, and is solved with the limits straight away. Either way the answer is exact.
		double averageUnits = problem.candidates().stream().mapToInt(Candidate::units).average().orElse(1);
		if (problem.budgetUnits() / averageUnits > problem.maxItems()) {
			return solve(problem, problem.maxItems(), problem.maxStrength());
		}
		Optional<Selection> relaxed = solve(problem, Integer.MAX_VALUE, Integer.MAX_VALUE);
		boolean withinLimits = relaxed.map(selection -> selection.chosen().size() <= problem.maxItems()
				&& selection.chosen().stream().filter(SessionSelector::isStrength).count() <= problem.maxStrength())
			.orElse(false);
		return withinLimits ? relaxed : solve(problem, problem.maxItems(), problem.maxStrength());
	}

	private static Optional<Selection> solve(Problem problem, int itemLimit, int strengthLimit) {
		List<PainArea> required = problem.required().stream().sorted().toList();
		if (problem.candidates().size() > Byte.MAX_VALUE) {
			throw new IllegalArgumentException("too many candidates for one session: " + problem.candidates().size());
		}
		if (required.size() > 7) {
			// A state's mask (breathing plus one bit per area) is kept in a byte when it is traced back.
			throw new IllegalArgumentException("too many required areas for one session: " + required.size());
		}
		int possibleItems = problem.forced().size() + (int) problem.candidates().stream()
			.map(c -> c.exercise().family())
			.distinct()
			.count();
		var shape = new Shape(problem.budgetUnits(), itemLimit, strengthLimit, possibleItems, 1 + required.size());

		var forcedFamilies = problem.forced().stream().map(c -> c.exercise().family()).toList();
		int startUnits = problem.forced().stream().mapToInt(Candidate::units).sum();
		int startValue = problem.forced().stream().mapToInt(Candidate::value).sum();
		int startCount = problem.forced().size();
		int startStrength = (int) problem.forced().stream().filter(SessionSelector::isStrength).count();
		if (startUnits > shape.budget || startCount > itemLimit || startStrength > strengthLimit) {
			return Optional.empty();
		}
		int startMask = 0;
		for (Candidate forced : problem.forced()) {
			startMask |= mask(forced, required);
		}

		// One layer per family; the options of a layer are "none" or one of its candidates.
		Map<String, List<Candidate>> families = new LinkedHashMap<>();
		problem.candidates()
			.stream()
			.filter(c -> !forcedFamilies.contains(c.exercise().family()))
			.sorted(Comparator.comparing((Candidate c) -> c.exercise().family()).thenComparing(c -> c.exercise().id()))
			.forEach(c -> families.computeIfAbsent(c.exercise().family(), f -> new ArrayList<>()).add(c));
		List<List<Candidate>> layers = new ArrayList<>(families.values());

		int states = shape.states();
		int[] best = new int[states];
		int[] next = new int[states];
		Arrays.fill(best, UNREACHABLE);
		Arrays.fill(next, UNREACHABLE);
		best[shape.index(startUnits, shape.trackedCount(startCount), shape.tracked(startStrength), startMask)] = startValue;
		// Per layer and state: which option reached it (0: none, so the state came from itself) and the mask it
		// came from (units, count and strength follow from the option taken). Each layer's arrays only cover the
		// states it can reach, which keeps the early layers small.
		byte[][] choice = new byte[layers.size()][];
		byte[][] fromMask = new byte[layers.size()][];

		// Only states up to the most units reached so far can be reachable: the loop need not look further. Nor
		// can a session ever hold more units than its longest candidates that the limit on exercises lets in.
		int reachedUnits = startUnits;
		int mostUnits = Math.min(shape.budget, startUnits + longestTogether(problem.candidates(), itemLimit - startCount));
		// What each position within a block of one unit's states stands for, looked up instead of divided out.
		int[] countAt = new int[shape.perUnit];
		int[] strengthAt = new int[shape.perUnit];
		int[] maskAt = new int[shape.perUnit];
		for (int offset = 0; offset < shape.perUnit; offset++) {
			countAt[offset] = shape.count(offset);
			strengthAt[offset] = shape.strength(offset);
			maskAt[offset] = shape.mask(offset);
		}
		for (int layer = 0; layer < layers.size(); layer++) {
			List<Candidate> options = layers.get(layer);
			int optionCount = options.size();
			int[] optionMasks = new int[optionCount];
			int[] optionStrength = new int[optionCount];
			int[] optionUnits = new int[optionCount];
			int[] optionValues = new int[optionCount];
			for (int option = 0; option < optionCount; option++) {
				Candidate candidate = options.get(option);
				optionMasks[option] = mask(candidate, required);
				optionStrength[option] = shape.tracksStrength && isStrength(candidate) ? 1 : 0;
				optionUnits[option] = candidate.units();
				optionValues[option] = candidate.value();
			}
			int reachable = shape.statesUpTo(reachedUnits);
			// The states past the reachable ones are unreachable in both arrays, so only the prefix is copied.
			System.arraycopy(best, 0, next, 0, reachable);
			int longest = options.stream().mapToInt(Candidate::units).max().orElse(0);
			int reachableAfter = shape.statesUpTo(Math.min(mostUnits, reachedUnits + longest));
			byte[] chosen = new byte[reachableAfter];
			byte[] previous = new byte[reachableAfter];
			choice[layer] = chosen;
			fromMask[layer] = previous;
			int countStep = shape.tracksCount ? shape.perCount : 0;
			for (int units = 0; units <= reachedUnits; units++) {
				int base = units * shape.perUnit;
				for (int offset = 0; offset < shape.perUnit; offset++) {
					int value = best[base + offset];
					if (value == UNREACHABLE) {
						continue;
					}
					int count = countAt[offset];
					if (shape.tracksCount && count == shape.maxCount) {
						continue;
					}
					int strength = strengthAt[offset];
					int mask = maskAt[offset];
					// The same count and strength one exercise further, without the mask: added per option below.
					int sameButMask = base + offset - mask + countStep;
					for (int option = 0; option < optionCount; option++) {
						int newUnits = units + optionUnits[option];
						int newStrength = strength + optionStrength[option];
						if (newUnits > mostUnits || newStrength > shape.maxStrength) {
							continue;
						}
						int target = sameButMask + optionUnits[option] * shape.perUnit + optionStrength[option] * shape.masks
								+ (mask | optionMasks[option]);
						int reached = value + optionValues[option];
						if (reached > next[target]) {
							next[target] = reached;
							chosen[target] = (byte) (option + 1);
							previous[target] = (byte) mask;
						}
					}
				}
			}
			int[] swap = best;
			best = next;
			next = swap;
			reachedUnits = Math.min(mostUnits, reachedUnits + longest);
		}

		int finalState = pick(best, shape, problem.fillUnits());
		if (finalState < 0) {
			return Optional.empty();
		}
		var picked = new ArrayList<>(problem.forced());
		int state = finalState;
		for (int layer = layers.size() - 1; layer >= 0; layer--) {
			int option = state < choice[layer].length ? choice[layer][state] : 0;
			if (option > 0) {
				Candidate candidate = layers.get(layer).get(option - 1);
				picked.add(candidate);
				int strength = shape.strength(state) - (shape.tracksStrength && isStrength(candidate) ? 1 : 0);
				state = shape.index(shape.units(state) - candidate.units(),
						shape.count(state) - (shape.tracksCount ? 1 : 0), strength,
						Byte.toUnsignedInt(fromMask[layer][state]));
			}
		}
		return Optional.of(new Selection(picked, best[finalState], shape.units(finalState)));
	}

	/** The best complete state: filled to 85 % if that is possible, the highest value, then the fullest. */
	private static int pick(int[] best, Shape shape, int fillUnits) {
		int found = bestComplete(best, shape, fillUnits);
		return found >= 0 ? found : bestComplete(best, shape, 0);
	}

	private static int bestComplete(int[] best, Shape shape, int fromUnits) {
		int found = -1;
		for (int units = shape.budget; units >= fromUnits; units--) {
			for (int count = 0; count <= shape.maxCount; count++) {
				for (int strength = 0; strength <= shape.maxStrength; strength++) {
					int state = shape.index(units, count, strength, shape.fullMask);
					if (best[state] != UNREACHABLE && (found < 0 || best[state] > best[found])) {
						found = state;
					}
				}
			}
		}
		return found;
	}

	/** The units of the longest candidates, at most {@code slots} of them: no session can hold more. */
	private static int longestTogether(List<Candidate> candidates, int slots) {
		if (slots >= candidates.size()) {
			return candidates.stream().mapToInt(Candidate::units).sum();
		}
		return candidates.stream()
			.mapToInt(Candidate::units)
			.map(units -> -units)
			.sorted()
			.limit(Math.max(0, slots))
			.map(units -> -units)
			.sum();
	}

	private static boolean isStrength(Candidate candidate) {
		return candidate.exercise().category() == Category.STRENGTH;
	}

	/**
	 * How a state (units used, exercises chosen, strength exercises chosen, side constraints met) is laid out in
	 * one array, units outermost so that "every state up to so many units" is a prefix. Exercises are only counted
	 * when their limit could be reached, and strength exercises only when their limit is below the limit on all
	 * exercises; a dimension that is not counted has one value, 0.
	 */
	private static final class Shape {

		final int budget;

		final boolean tracksCount;

		/** The highest count a state can hold: the limit, or 0 when the count is not tracked. */
		final int maxCount;

		final boolean tracksStrength;

		/** The highest strength count a state can hold: the limit, or 0 when strength is not tracked. */
		final int maxStrength;

		final int fullMask;

		final int masks;

		final int perCount;

		final int perUnit;

		Shape(int budget, int itemLimit, int strengthLimit, int possibleItems, int flags) {
			this.budget = budget;
			this.tracksCount = itemLimit < possibleItems;
			this.maxCount = tracksCount ? itemLimit : 0;
			this.tracksStrength = strengthLimit < Math.min(itemLimit, possibleItems);
			this.maxStrength = tracksStrength ? strengthLimit : 0;
			this.fullMask = (1 << flags) - 1;
			this.masks = fullMask + 1;
			this.perCount = (maxStrength + 1) * masks;
			this.perUnit = (maxCount + 1) * perCount;
		}

		int states() {
			return (budget + 1) * perUnit;
		}

		/** A strength count as the state holds it. */
		int tracked(int strength) {
			return tracksStrength ? strength : 0;
		}

		/** An exercise count as the state holds it. */
		int trackedCount(int count) {
			return tracksCount ? count : 0;
		}

		int statesUpTo(int units) {
			return (units + 1) * perUnit;
		}

		int index(int units, int count, int strength, int mask) {
			return units * perUnit + count * perCount + strength * masks + mask;
		}

		int units(int state) {
			return state / perUnit;
		}

		int count(int state) {
			return state % perUnit / perCount;
		}

		int strength(int state) {
			return state % perCount / masks;
		}

		int mask(int state) {
			return state % masks;
		}

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

}
