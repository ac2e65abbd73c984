package org.carrywell.catalogue;

/**
 * Something drawn with the figure. Each prop knows where it goes: a chair under the seat, a band between
 * the hands, a pillow under the head.
 */
public enum Prop {

	/** An exercise mat on the floor under the body. */
	MAT,
	/** A chair she sits on. */
	CHAIR,
	/** The back of a chair in front of her, held with the hands. */
	CHAIR_AHEAD,
	/** The back of a chair beside her, held with the nearer hand (front view). */
	CHAIR_BESIDE,
	/** A birth ball she sits on. */
	BALL,
	/** A wall behind her back. */
	WALL_BEHIND,
	/** A wall where her hand rests. */
	WALL_AT_HAND,
	PILLOW_HEAD,
	PILLOW_KNEES,
	PILLOW_CHEST,
	PILLOW_BACK,
	PILLOW_HIPS,
	/** A resistance band held between the hands. */
	BAND_HANDS,
	/** A resistance band looped around both legs above the knees. */
	BAND_KNEES,
	/** An exercise bike she sits on. */
	BIKE,
	/** Pool water, up to the chest. */
	WATER

}
