package org.carrywell.planning;

/** A plan's size: minutes a session and sessions a week. */
record PlanSize(int minutes, int sessions) {
}
