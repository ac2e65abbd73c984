package org.carrywell.planning;

/**
 * The rule table that makes next week's plan learn from this one (docs/adaptive-plan.md). Like the safety rule
 * book, every rule has an id the plan page explains it by; {@link Learning} applies them in this order, the first
 * that matches deciding, and never moves an exercise or the plan's size by more than one step a week.
 */
public enum LearningRule {

	/** Marked painful in two sessions within four weeks: left out for four weeks, and she is told. */
	LEAVE_OUT_PAINFUL_TWICE,
	/** She switched to the easier variant in its last session: the easier variant (or one set fewer). */
	EASE_OFF_MADE_EASIER,
	/** Its last session felt too hard: the easier variant (or one set fewer). */
	EASE_OFF_FELT_HARD,
	/**
	 * Pain rose by 2 or more, over the last week or during its last session: the easier variant (or one set
	 * fewer).
	 */
	EASE_OFF_PAIN_ROSE,
	/**
	 * Its last two sessions felt too easy and pain is steady or falling: one step harder — the harder variant of
	 * the same family when the engine allows it her, otherwise one more set within the rule book's limits.
	 */
	PROGRESS_EASY_TWICE,
	/** Signals point different ways, or there are too few: as it was. */
	HOLD_MIXED,
	/**
	 * A plan started small (rule book v2) grows by one step when she did every session of the week before without
	 * pain rising: 5 more minutes a session, or one more session, up to what she asked for.
	 */
	GROW_ONE_STEP,
	/** The plan's size stays: the week before was not complete, or pain rose. */
	HOLD_SIZE

}
