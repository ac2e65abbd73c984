package org.carrywell.planning;

import java.util.Arrays;
import java.util.Optional;

import org.carrywell.planning.SessionSelector.Layers;
import org.carrywell.planning.SessionSelector.Problem;
import org.carrywell.planning.SessionSelector.Selection;

/**
 * The session problem solved by dynamic programming over families × units used × exercises chosen × strength
 * exercises chosen (each only when its limit could bind) × side constraints met: the way that works for every
 * problem, whose cost grows with her minutes. See {@link SessionSelector}.
 */
final class UnitsTable {

	private static final int UNREACHABLE = -1;

	private UnitsTable() {
	}

	/**
	 * The limits on how many exercises (and strength exercises) a session holds multiply the state space, yet most
	 * sessions are within them anyway: the problem is first solved without them, and only when that best session
	 * breaks a limit again with them. Both are exact, so the first answer, when it keeps the limits, is the best
	 * that does.
	 */
	static Optional<Selection> solve(Layers limited) {
		Problem problem = limited.problem;
		// Only worth trying when a session of average exercises would stay within the limit; a long session of
		// short exercises would not, and is solved with the limits straight away. Either way the answer is exact.
		double averageUnits = problem.candidates().stream().mapToInt(Candidate::units).average().orElse(1);
		if (problem.budgetUnits() / averageUnits > problem.maxItems()) {
			return solveWithin(limited);
		}
		Optional<Selection> relaxed = solveWithin(limited.withLimits(Integer.MAX_VALUE, Integer.MAX_VALUE));
		boolean withinLimits = relaxed.map(selection -> selection.chosen().size() <= problem.maxItems()
				&& selection.chosen().stream().filter(SessionSelector::isStrength).count() <= problem.maxStrength())
			.orElse(false);
		return withinLimits ? relaxed : solveWithin(limited);
	}

	/** About how many state-and-option steps {@link #solve} takes with the limits: to choose the cheaper way. */
	static long steps(Layers layers) {
		var shape = new StateShape(layers.budget(), layers);
		long options = Arrays.stream(layers.units).mapToLong(familyUnits -> familyUnits.length).sum();
		return (long) shape.statesUpTo(Math.min(layers.budget(), layers.mostUnits())) * options;
	}

	private static Optional<Selection> solveWithin(Layers layers) {
		if (!layers.startFits()) {
			return Optional.empty();
		}
		var shape = new StateShape(layers.budget(), layers);
		int states = shape.states();
		int[] best = new int[states];
		int[] next = new int[states];
		Arrays.fill(best, UNREACHABLE);
		Arrays.fill(next, UNREACHABLE);
		best[shape.index(layers.startUnits, shape.trackedCount(layers.startCount), shape.tracked(layers.startStrength),
				layers.startMask)] = layers.startValue;
		// Per layer and state: which option reached it (0: none, so the state came from itself) and the mask it
		// came from (units, count and strength follow from the option taken). Each layer's arrays only cover the
		// states it can reach, which keeps the early layers small.
		byte[][] choice = new byte[layers.size()][];
		byte[][] fromMask = new byte[layers.size()][];

		// Only states up to the most units reached so far can be reachable: the loop need not look further. Nor
		// can a session ever hold more units than its longest candidates that the limit on exercises lets in.
		int reachedUnits = layers.startUnits;
		int mostUnits = Math.min(shape.budget, layers.mostUnits());
		// What each position within a block of one unit's states stands for, looked up instead of divided out.
		int[] countAt = new int[shape.perUnit];
		int[] strengthAt = new int[shape.perUnit];
		int[] maskAt = new int[shape.perUnit];
		for (int offset = 0; offset < shape.perUnit; offset++) {
			countAt[offset] = shape.count(offset);
			strengthAt[offset] = shape.strength(offset);
			maskAt[offset] = shape.mask(offset);
		}
		int countStep = shape.countStep();
		for (int layer = 0; layer < layers.size(); layer++) {
			int[] optionUnits = layers.units[layer];
			int[] optionValues = layers.values[layer];
			int[] optionMasks = layers.masks[layer];
			int[] optionStrength = shape.tracksStrength ? layers.strength[layer] : new int[optionUnits.length];
			int optionCount = optionUnits.length;
			int reachable = shape.statesUpTo(reachedUnits);
			// The states past the reachable ones are unreachable in both arrays, so only the prefix is copied.
			System.arraycopy(best, 0, next, 0, reachable);
			int longest = 0;
			for (int length : optionUnits) {
				longest = Math.max(longest, length);
			}
			int reachableAfter = shape.statesUpTo(Math.min(mostUnits, reachedUnits + longest));
			byte[] chosen = new byte[reachableAfter];
			byte[] previous = new byte[reachableAfter];
			choice[layer] = chosen;
			fromMask[layer] = previous;
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

		int finalState = pick(best, shape, layers.fillUnits());
		if (finalState < 0) {
			return Optional.empty();
		}
		int[] optionPerLayer = new int[layers.size()];
		int state = finalState;
		for (int layer = layers.size() - 1; layer >= 0; layer--) {
			int option = (state < choice[layer].length ? choice[layer][state] : 0) - 1;
			optionPerLayer[layer] = option;
			if (option >= 0) {
				int strength = shape.strength(state) - (shape.tracksStrength ? layers.strength[layer][option] : 0);
				state = shape.index(shape.units(state) - layers.units[layer][option],
						shape.count(state) - (shape.tracksCount ? 1 : 0), strength,
						Byte.toUnsignedInt(fromMask[layer][state]));
			}
		}
		return Optional.of(layers.selection(optionPerLayer));
	}

	/** The best complete state: filled to 85 % if that is possible, the highest value, then the fullest. */
	private static int pick(int[] best, StateShape shape, int fillUnits) {
		int found = bestComplete(best, shape, fillUnits);
		return found >= 0 ? found : bestComplete(best, shape, 0);
	}

	private static int bestComplete(int[] best, StateShape shape, int fromUnits) {
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

}
