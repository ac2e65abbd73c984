package org.carrywell.safety;

/** The result of screening, from least to most cautious. */
public enum ScreeningOutcome {

	/** Every answer is no: a plan is built. */
	CLEARED,
	/** A plan is built, shown as "talk to your provider before you start". */
	CLEARANCE_NEEDED,
	/** No exercise plan: talk to your provider first. */
	NOT_ADVISED;

	public ScreeningOutcome mostCautious(ScreeningOutcome other) {
		return compareTo(other) >= 0 ? this : other;
	}

}
