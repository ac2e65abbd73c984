package org.carrywell.accounts;

import java.time.LocalDate;

/**
 * Her provider cleared her to exercise, despite the check asking her to talk to them first.
 *
 * @param clearedBy who, in her words ("Midwife Anna", "Dr Osei")
 */
public record Clearance(LocalDate clearedOn, String clearedBy) {
}
