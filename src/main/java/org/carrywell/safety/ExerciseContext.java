package org.carrywell.safety;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.PainArea;

/**
 * Everything the exercise rules need to know about a person. Validates itself: an invalid context cannot
 * exist.
 *
 * @param pain intensity 0–10 for each area that hurts; areas not listed do not hurt
 * @param equipment what she has
 * @param floorOk whether getting down to the floor is comfortable
 */
public record ExerciseContext(GestationalAge age, Set<Condition> conditions, Map<PainArea, Integer> pain,
		Set<Equipment> equipment, boolean floorOk) {

	public static final int MAX_PAIN = 10;

	public ExerciseContext {
		Objects.requireNonNull(age, "age");
		var conditionSet = EnumSet.noneOf(Condition.class);
		conditionSet.addAll(conditions);
		conditions = Collections.unmodifiableSet(conditionSet);
		var painMap = new EnumMap<PainArea, Integer>(PainArea.class);
		pain.forEach((area, intensity) -> {
			if (intensity == null || intensity < 0 || intensity > MAX_PAIN) {
				throw new InvalidInputException("pain." + area, "must be between 0 and " + MAX_PAIN + ", was " + intensity);
			}
			painMap.put(area, intensity);
		});
		pain = Collections.unmodifiableMap(painMap);
		var equipmentSet = EnumSet.noneOf(Equipment.class);
		equipmentSet.addAll(equipment);
		equipment = Collections.unmodifiableSet(equipmentSet);
	}

	public int painIn(PainArea area) {
		return pain.getOrDefault(area, 0);
	}

	public boolean has(Condition condition) {
		return conditions.contains(condition);
	}

}
