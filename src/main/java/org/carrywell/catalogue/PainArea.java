package org.carrywell.catalogue;

/** Where it hurts. Ids are shared with the rule book, the body map and the API. */
public enum PainArea {

	LOWER_BACK, MID_BACK, UPPER_BACK, HIPS, PELVIS_FRONT, PELVIS_BACK, LEG_RADIATING

}
