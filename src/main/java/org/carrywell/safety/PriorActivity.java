package org.carrywell.safety;

/**
 * How active she was before pregnancy or is now (rule book v2, "What one session holds"): the first plan of an
 * inactive person is smaller. Ids are shared with the API.
 */
public enum PriorActivity {

	/** Little or no planned exercise. */
	INACTIVE,
	/** Some, but less than 150 minutes a week. */
	SOME,
	/** At least 150 minutes a week of moderate activity, before pregnancy or now. */
	ACTIVE

}
