package org.carrywell.planning;

/**
 * How a solver's state (units used, exercises chosen, strength exercises chosen, side constraints met) is laid out
 * in one array, units outermost so that "every state up to so many units" is a prefix. Exercises are only counted
 * when their limit could be reached, and strength exercises only when their limit is below the limit on all
 * exercises; a dimension that is not counted has one value, 0. A table without units has a budget of 0.
 */
final class StateShape {

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

	StateShape(int budget, SessionSelector.Layers layers) {
		this.budget = budget;
		this.tracksCount = layers.itemLimit < layers.possibleItems;
		this.maxCount = tracksCount ? layers.itemLimit : 0;
		this.tracksStrength = layers.strengthLimit < Math.min(layers.itemLimit, layers.possibleItems);
		this.maxStrength = tracksStrength ? layers.strengthLimit : 0;
		this.fullMask = layers.fullMask;
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

	/** How far the index moves for one exercise more: the count's step, or nothing when it is not tracked. */
	int countStep() {
		return tracksCount ? perCount : 0;
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
