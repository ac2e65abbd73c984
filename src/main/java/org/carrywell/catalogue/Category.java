package org.carrywell.catalogue;

/** What kind of exercise it is; the order is the order a session flows in. */
public enum Category {

	BREATHING, MOBILITY, STRENGTH, STRETCH, RELAXATION, CARDIO

}
