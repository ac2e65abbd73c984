package org.carrywell.catalogue;

/** Equipment an exercise may need. Ids are shared with the rule book and the API. */
public enum Equipment {

	MAT, CHAIR, BALL, WALL, PILLOW, BAND, DUMBBELLS, EXERCISE_BIKE, POOL

}
