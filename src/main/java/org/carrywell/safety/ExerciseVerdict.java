package org.carrywell.safety;

import java.util.List;

import org.carrywell.catalogue.Exercise;

/**
 * The engine's answer for one exercise and one person.
 *
 * @param exclusions every rule that forbids it (empty: allowed)
 * @param cautions rules that allow it with a condition to tell her (e.g. short holds only)
 * @param saferVariants for a forbidden exercise, the allowed exercises of its family
 */
public record ExerciseVerdict(Exercise exercise, List<RuleHit> exclusions, List<RuleHit> cautions,
		List<Exercise> saferVariants) {

	public ExerciseVerdict {
		exclusions = List.copyOf(exclusions);
		cautions = List.copyOf(cautions);
		saferVariants = List.copyOf(saferVariants);
	}

	public boolean allowed() {
		return exclusions.isEmpty();
	}

}
