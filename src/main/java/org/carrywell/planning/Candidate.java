package org.carrywell.planning;

import java.util.Objects;

import org.carrywell.catalogue.Exercise;

/**
 * An exercise as the session solver sees it: its length on the 15-second grid and its value for this session.
 *
 * @param units length in 15-second units, rounded up (the few seconds over are the transition to the next item)
 * @param value what including it is worth for this session; see {@link SessionSelector}
 */
record Candidate(Exercise exercise, int units, int value) {

	static final int SECONDS_PER_UNIT = 15;

	Candidate {
		Objects.requireNonNull(exercise, "exercise");
		if (units < 1) {
			throw new IllegalArgumentException("units must be at least 1");
		}
	}

	static int unitsFor(int seconds) {
		return (seconds + SECONDS_PER_UNIT - 1) / SECONDS_PER_UNIT;
	}

	int seconds() {
		return units * SECONDS_PER_UNIT;
	}

}
