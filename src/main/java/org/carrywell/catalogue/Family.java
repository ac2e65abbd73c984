package org.carrywell.catalogue;

/** A movement whose variants (other positions, easier or harder forms) are grouped together. */
public record Family(String id, String name) {
}
