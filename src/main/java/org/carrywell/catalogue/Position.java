package org.carrywell.catalogue;

/** The body position an exercise is done in. Ids are shared with the safety rule book and the API. */
public enum Position {

	STANDING(false), WALL_SUPPORTED(false), SEATED_CHAIR(false), SEATED_BALL(false), SEATED_FLOOR(true),
	KNEELING(true), HALF_KNEELING(true), ALL_FOURS(true), SIDE_LYING(true), SEMI_RECLINED(true), SUPINE(true),
	PRONE(true);

	private final boolean onTheFloor;

	Position(boolean onTheFloor) {
		this.onTheFloor = onTheFloor;
	}

	/** Whether a person must get down to the floor (or a bed) for this position. */
	public boolean onTheFloor() {
		return onTheFloor;
	}

}
