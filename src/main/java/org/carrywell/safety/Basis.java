package org.carrywell.safety;

/** What a rule rests on. */
public enum Basis {

	/** Clinical guidance; the rule's sources name it. */
	GUIDANCE,
	/** A cautious product decision where guidance is silent or differs (the rule book takes the safer side). */
	PRODUCT_DECISION,
	/** What the exercise file says it suits. */
	EXERCISE_FILE,
	/** What she told us: equipment, getting down to the floor. */
	HER_CHOICE

}
