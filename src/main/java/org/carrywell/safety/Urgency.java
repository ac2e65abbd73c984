package org.carrywell.safety;

/** How soon to act on a symptom, from least to most urgent. */
public enum Urgency {

	NONE, MENTION_AT_NEXT_VISIT, CALL_PROVIDER_NOW, EMERGENCY;

	/** CALL_PROVIDER_NOW and EMERGENCY stop a session at once and block the next until she has spoken to her provider. */
	public boolean stopsExercise() {
		return compareTo(CALL_PROVIDER_NOW) >= 0;
	}

	public Urgency max(Urgency other) {
		return compareTo(other) >= 0 ? this : other;
	}

}
