package org.carrywell.accounts;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;
import org.carrywell.safety.Condition;
import org.carrywell.safety.PriorActivity;

/**
 * What a member keeps for her plan. The due date, not a week, so that the week is always today's (rule book v2);
 * everything else as she last said it.
 *
 * @param floor whether getting down to the floor is comfortable; null when she has not said (read as no)
 * @param pain pain 0–10 by area, only the areas she gave
 */
public record Profile(@Nullable LocalDate dueDate, Set<Condition> conditions, @Nullable PriorActivity priorActivity,
		Set<Equipment> equipment, @Nullable Boolean floor, Map<PainArea, Integer> pain, int minutes,
		int sessionsPerWeek) {

	public static final int DEFAULT_MINUTES = 15;

	public static final int DEFAULT_SESSIONS = 3;

	public Profile {
		conditions = conditions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(conditions));
		equipment = equipment.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(equipment));
		pain = pain.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(pain));
	}

	public static Profile empty() {
		return new Profile(null, Set.of(), null, Set.of(), null, Map.of(), DEFAULT_MINUTES, DEFAULT_SESSIONS);
	}

	/** A plan can be made from it once the due date is known. */
	public boolean complete() {
		return dueDate != null;
	}

}
