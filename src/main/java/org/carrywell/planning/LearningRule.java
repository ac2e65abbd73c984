package org.carrywell.planning;

/**
 * The rule table that makes next week's plan learn from this one (docs/progress.md). Like the safety rule book,
 * every rule has an id the plan explains its changes by. {@link Learning} applies them to each exercise family in
 * this order, the first that matches deciding; it never moves a family or the plan's size by more than one step a
 * week, never to a variant the safety engine does not allow her, and never makes anything harder or bigger after
 * a warning sign, in a gentle plan, or beyond the rule book's limits on sets.
 */
public enum LearningRule {

	/**
	 * The variant or the sets she had are not for her now (her week, her pain or her answers changed what the
	 * engine allows): the nearest easier variant of the family she may do, or the sets allowed now.
	 */
	FOLLOW_THE_ENGINE,
	/**
	 * Marked painful in two sessions within four weeks: left out (with the harder variants of its family) until
	 * four weeks after the second mark; the nearest easier variant she may do takes its place.
	 */
	LEAVE_OUT_PAINFUL_TWICE,
	/** Marked painful in its last session (once): eased off. */
	EASE_OFF_MARKED_PAINFUL,
	/** She switched to the easier variant in its last session: eased off. */
	EASE_OFF_MADE_EASIER,
	/** Its last session felt too hard: eased off. */
	EASE_OFF_FELT_HARD,
	/** Pain rose by 2 or more, over the last week or during its last session: eased off. */
	EASE_OFF_PAIN_ROSE,
	/**
	 * Its last two sessions felt too easy and pain did not go up: one step harder — sets taken away come back,
	 * then the harder variant of the same family (when the engine allows it without a caution, and not for strength
	 * work in the third trimester), then one more set within the rule book's limits. Never for breathing or
	 * relaxation, in a gentle plan, when her pain this week reached 7, after a warning sign, in a week the plan
	 * grows, or for more than {@link Learning#MAX_PROGRESSIONS} families a week.
	 */
	PROGRESS_EASY_TWICE,
	/** Signals point different ways, or there are too few: as it was (no change is recorded). */
	HOLD_MIXED,
	/**
	 * A plan smaller than she asked for (a first plan is kept small, rule book v2) grows by one step when she did
	 * every session of her plan the week before, none felt too hard, pain did not rise by 2 and she noted no warning
	 * sign: 5 more minutes a session, or, at her minutes, one more session.
	 */
	GROW_ONE_STEP,
	/** The plan's size stays: the week before was not complete, a session felt too hard, or pain rose. */
	HOLD_SIZE,
	/** She noted a warning sign after a session since the last decisions: nothing gets harder or bigger. */
	HOLD_AFTER_WARNING_SIGN

}
