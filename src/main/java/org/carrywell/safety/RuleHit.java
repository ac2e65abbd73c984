package org.carrywell.safety;

import java.util.List;

/**
 * A rule that applies to an exercise for a person.
 *
 * @param offending what offends, as vocabulary ids: a position ({@code SUPINE}), features
 * ({@code WIDE_LEG}), a trimester number ({@code 3}) or equipment ({@code BALL})
 */
public record RuleHit(ExerciseRule rule, List<String> offending) {

	public RuleHit {
		offending = List.copyOf(offending);
	}

	public String ruleId() {
		return rule.id();
	}

}
