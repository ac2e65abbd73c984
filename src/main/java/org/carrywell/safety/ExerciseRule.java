package org.carrywell.safety;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Exercise;

/**
 * One row of the rule book: a named, sourced reason why an exercise is not for a person.
 *
 * @param id stable id, used by pages and the API to explain the rule (e.g. {@code NO_SUPINE_FROM_WEEK_16})
 * @param sources keys into the catalogue's sources
 */
public record ExerciseRule(String id, Basis basis, List<String> sources, Check check) {

	/** Looks at one exercise for one person; answers what makes it unsuitable, or nothing. */
	@FunctionalInterface
	public interface Check {

		List<String> offending(Exercise exercise, ExerciseContext context);

	}

	public ExerciseRule {
		Objects.requireNonNull(id, "id");
		sources = List.copyOf(sources);
	}

	/** @return the hit, naming what offends (a position, features, a trimester, equipment), or null */
	@Nullable RuleHit apply(Exercise exercise, ExerciseContext context) {
		List<String> offending = check.offending(exercise, context);
		return offending.isEmpty() ? null : new RuleHit(this, offending);
	}

	@Override
	public String toString() {
		return id;
	}

}
