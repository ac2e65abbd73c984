package org.carrywell.planning;

import java.util.Arrays;
import java.util.Optional;

import org.carrywell.planning.SessionSelector.Layers;
import org.carrywell.planning.SessionSelector.Selection;

/**
 * The session problem solved by trying every allowed choice, one family after the other ("none" first, then each
 * option), cutting a branch as soon as it breaks a limit or can no longer meet the side constraints. Cheap when
 * there are few choices: a few families, or a low limit on exercises (a gentle plan's six among a dozen families
 * are some two thousand choices), whatever her minutes. See {@link SessionSelector}.
 */
final class SubsetSearch {

	/** Where {@link #steps} stops counting: more than any table takes, small enough to multiply safely. */
	static final long MOST_STEPS = 1L << 40;

	private final Layers layers;

	/** Per layer: every side constraint some option of this layer or a later one meets. */
	private final int[] masksFromHere;

	/** The option taken per layer on the current branch (-1: none). */
	private final int[] branch;

	private final int fillUnits;

	private int[] bestOptions;

	private boolean bestFilled;

	private int bestValue;

	private int bestUnits;

	private int bestCount;

	private int bestStrength;

	private SubsetSearch(Layers layers) {
		this.layers = layers;
		this.fillUnits = layers.fillUnits();
		int size = layers.size();
		this.masksFromHere = new int[size + 1];
		for (int layer = size - 1; layer >= 0; layer--) {
			int union = masksFromHere[layer + 1];
			for (int mask : layers.masks[layer]) {
				union |= mask;
			}
			masksFromHere[layer] = union;
		}
		this.branch = new int[size];
		Arrays.fill(branch, -1);
	}

	static Optional<Selection> solve(Layers layers) {
		if (!layers.startFits()) {
			return Optional.empty();
		}
		var search = new SubsetSearch(layers);
		search.visit(0, layers.startUnits, layers.startValue, layers.startCount, layers.startStrength, layers.startMask);
		return Optional.ofNullable(search.bestOptions).map(layers::selection);
	}

	/**
	 * How many branches the search has at most: the choices of up to the limit's number of exercises, one per
	 * family, before any cut. To choose the cheaper way.
	 */
	static long steps(Layers layers) {
		int slots = Math.max(0, Math.min(layers.itemLimit, layers.possibleItems) - layers.startCount);
		// ways[k]: how many ways to take k exercises from the families so far (the elementary symmetric sums),
		// capped far above any table's size: a capped count times a family's options (at most 127) cannot overflow.
		long[] ways = new long[slots + 1];
		ways[0] = 1;
		for (int[] options : layers.units) {
			for (int k = slots; k >= 1; k--) {
				ways[k] = Math.min(MOST_STEPS, ways[k] + ways[k - 1] * options.length);
			}
		}
		long total = 0;
		for (long count : ways) {
			total = Math.min(MOST_STEPS, total + count);
		}
		return total;
	}

	private void visit(int layer, int units, int value, int count, int strength, int mask) {
		if ((mask | masksFromHere[layer]) != layers.fullMask) {
			return;
		}
		if (layer == layers.size() || count == layers.itemLimit) {
			consider(units, value, count, strength, mask);
			return;
		}
		visit(layer + 1, units, value, count, strength, mask);
		int[] optionUnits = layers.units[layer];
		for (int option = 0; option < optionUnits.length; option++) {
			int newUnits = units + optionUnits[option];
			int newStrength = strength + layers.strength[layer][option];
			if (newUnits > layers.budget() || newStrength > layers.strengthLimit) {
				continue;
			}
			branch[layer] = option;
			visit(layer + 1, newUnits, value + layers.values[layer][option], count + 1, newStrength,
					mask | layers.masks[layer][option]);
			branch[layer] = -1;
		}
	}

	/** A complete choice against the best so far: filled first, then value, units, fewer exercises, less strength. */
	private void consider(int units, int value, int count, int strength, int mask) {
		if (mask != layers.fullMask) {
			return;
		}
		boolean filled = units >= fillUnits;
		if (bestOptions != null) {
			int order = Boolean.compare(filled, bestFilled);
			if (order == 0) {
				order = Integer.compare(value, bestValue);
			}
			if (order == 0) {
				order = Integer.compare(units, bestUnits);
			}
			if (order == 0) {
				order = Integer.compare(bestCount, count);
			}
			if (order == 0) {
				order = Integer.compare(bestStrength, strength);
			}
			if (order <= 0) {
				return;
			}
		}
		bestOptions = branch.clone();
		bestFilled = filled;
		bestValue = value;
		bestUnits = units;
		bestCount = count;
		bestStrength = strength;
	}

}
