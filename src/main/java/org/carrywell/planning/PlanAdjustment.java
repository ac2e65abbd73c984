package org.carrywell.planning;

/**
 * How last week went, to move exercises along their easier/harder links.
 *
 * @param painChange pain now minus pain a week ago (positive: worse)
 */
public record PlanAdjustment(Feedback feedback, int painChange) {

	public enum Feedback {

		TOO_EASY, ABOUT_RIGHT, TOO_HARD

	}

	/** Pain up by this much or more eases the plan off, whatever the feedback. */
	public static final int PAIN_RISE = 2;

	boolean easeOff() {
		return feedback == Feedback.TOO_HARD || painChange >= PAIN_RISE;
	}

	boolean stepUp() {
		return feedback == Feedback.TOO_EASY && painChange <= 0;
	}

}
