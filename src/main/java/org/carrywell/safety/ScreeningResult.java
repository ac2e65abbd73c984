package org.carrywell.safety;

import java.util.List;
import java.util.Map;

/**
 * What screening decided, and why.
 *
 * @param reasons every "yes" and what it means at her stage of pregnancy
 * @param missing questions she did not answer
 */
public record ScreeningResult(ScreeningOutcome outcome, List<Reason> reasons, List<ScreeningQuestion> missing,
		Map<ScreeningQuestion, Boolean> answers, GestationalAge age) {

	public ScreeningResult {
		reasons = List.copyOf(reasons);
		missing = List.copyOf(missing);
		answers = Map.copyOf(answers);
	}

	/**
	 * @param leadsTo what this "yes" alone leads to
	 * @param fromDeclaredCondition the yes comes from a condition she declared (twins), not from her answer
	 */
	public record Reason(ScreeningQuestion question, ScreeningOutcome leadsTo, List<String> sources,
			boolean fromDeclaredCondition) {

		public Reason {
			sources = List.copyOf(sources);
		}

	}

	public boolean planAllowed() {
		return outcome != ScreeningOutcome.NOT_ADVISED;
	}

}
