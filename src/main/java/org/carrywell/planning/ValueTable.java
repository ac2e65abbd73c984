package org.carrywell.planning;

import java.util.Arrays;
import java.util.Optional;

import org.carrywell.planning.SessionSelector.Layers;
import org.carrywell.planning.SessionSelector.Selection;

/**
 * The session problem when no choice the limit on exercises allows could overrun her time, as in every long
 * session: units are then no constraint, only a tie-break and the fill rule, so the table needs no units dimension
 * (a few hundred states instead of tens of thousands). Each state (exercises chosen, strength exercises chosen,
 * side constraints met) keeps its best value and, among equal values, the most units, as one number; and,
 * separately, the most units any choice reaching it uses.
 *
 * <p>Its best session is the answer when it fills 85 % of the budget (none is worth more), or when no choice at
 * all fills it (the rule cannot apply). Otherwise a filled session worth less would win, which only a table with
 * units can find: {@link Answer#settled()} says which.
 */
final class ValueTable {

	/** Units take the low bits of a state's score, below the value; more than any session can hold. */
	private static final int UNITS_BITS = 20;

	private static final long UNREACHABLE = Long.MIN_VALUE;

	private ValueTable() {
	}

	/**
	 * @param best the best session, ties to the fullest, then to fewer exercises and fewer strength exercises
	 * @param settled whether {@code best} is the problem's answer under the fill rule
	 */
	record Answer(Optional<Selection> best, boolean settled) {
	}

	/** Only for problems whose budget no choice can overrun ({@link Layers#budgetCannotBind()}). */
	static Answer solve(Layers layers) {
		var shape = new StateShape(0, layers);
		int states = shape.states();
		long[] score = new long[states];
		long[] nextScore = new long[states];
		int[] mostUnits = new int[states];
		int[] nextMostUnits = new int[states];
		Arrays.fill(score, UNREACHABLE);
		Arrays.fill(mostUnits, -1);
		int start = shape.index(0, shape.trackedCount(layers.startCount), shape.tracked(layers.startStrength),
				layers.startMask);
		score[start] = scoreOf(layers.startValue, layers.startUnits);
		mostUnits[start] = layers.startUnits;
		// Per layer and state: which option reached its best score (0: none) and the mask it came from.
		byte[][] choice = new byte[layers.size()][states];
		byte[][] fromMask = new byte[layers.size()][states];
		int countStep = shape.countStep();
		for (int layer = 0; layer < layers.size(); layer++) {
			int[] optionUnits = layers.units[layer];
			int[] optionMasks = layers.masks[layer];
			int[] optionStrength = shape.tracksStrength ? layers.strength[layer] : new int[optionUnits.length];
			long[] optionScores = new long[optionUnits.length];
			for (int option = 0; option < optionUnits.length; option++) {
				optionScores[option] = scoreOf(layers.values[layer][option], optionUnits[option]);
			}
			System.arraycopy(score, 0, nextScore, 0, states);
			System.arraycopy(mostUnits, 0, nextMostUnits, 0, states);
			byte[] chosen = choice[layer];
			byte[] previous = fromMask[layer];
			for (int state = 0; state < states; state++) {
				long current = score[state];
				if (current == UNREACHABLE) {
					continue;
				}
				if (shape.tracksCount && shape.count(state) == shape.maxCount) {
					continue;
				}
				int strength = shape.strength(state);
				int mask = shape.mask(state);
				int sameButMask = state - mask + countStep;
				for (int option = 0; option < optionUnits.length; option++) {
					if (strength + optionStrength[option] > shape.maxStrength) {
						continue;
					}
					int target = sameButMask + optionStrength[option] * shape.masks + (mask | optionMasks[option]);
					long reached = current + optionScores[option];
					if (reached > nextScore[target]) {
						nextScore[target] = reached;
						chosen[target] = (byte) (option + 1);
						previous[target] = (byte) mask;
					}
					nextMostUnits[target] = Math.max(nextMostUnits[target], mostUnits[state] + optionUnits[option]);
				}
			}
			long[] swapScores = score;
			score = nextScore;
			nextScore = swapScores;
			int[] swapUnits = mostUnits;
			mostUnits = nextMostUnits;
			nextMostUnits = swapUnits;
		}

		int finalState = -1;
		int mostFilled = -1;
		for (int count = 0; count <= shape.maxCount; count++) {
			for (int strength = 0; strength <= shape.maxStrength; strength++) {
				int state = shape.index(0, count, strength, shape.fullMask);
				if (score[state] != UNREACHABLE && (finalState < 0 || score[state] > score[finalState])) {
					finalState = state;
				}
				mostFilled = Math.max(mostFilled, mostUnits[state]);
			}
		}
		if (finalState < 0) {
			return new Answer(Optional.empty(), true);
		}
		int[] optionPerLayer = new int[layers.size()];
		int state = finalState;
		for (int layer = layers.size() - 1; layer >= 0; layer--) {
			int option = choice[layer][state] - 1;
			optionPerLayer[layer] = option;
			if (option >= 0) {
				int strength = shape.strength(state) - (shape.tracksStrength ? layers.strength[layer][option] : 0);
				state = shape.index(0, shape.count(state) - (shape.tracksCount ? 1 : 0), strength,
						Byte.toUnsignedInt(fromMask[layer][state]));
			}
		}
		Selection best = layers.selection(optionPerLayer);
		boolean settled = best.units() >= layers.fillUnits() || mostFilled < layers.fillUnits();
		return new Answer(Optional.of(best), settled);
	}

	private static long scoreOf(int value, int units) {
		return ((long) value << UNITS_BITS) + units;
	}

}
