package org.carrywell.catalogue;

/**
 * A safety-relevant attribute of an exercise. Exercise files declare them; the safety engine forbids them
 * by rule (see the rule book). Ids are shared with the rule book and the API.
 */
public enum Feature {

	CLOSED_TWIST, SINGLE_LEG_LOAD, WIDE_LEG, ASYMMETRIC_STANCE, UNSUPPORTED_BALANCE, HIGH_IMPACT, BREATH_HOLD,
	HEAVY_LOAD, CRUNCH, STRONG_ABDOMINAL_LOAD, INVERSION, DEEP_SQUAT, END_RANGE_BACKBEND

}
