package org.carrywell.safety;

import java.util.List;

/**
 * @param urgency the most urgent of the findings (NONE when there are none)
 * @param findings each symptom with its own urgency, the most urgent first
 */
public record WarningSignResult(Urgency urgency, List<Finding> findings) {

	/** The sign that, read as a reason to call now (from week 37), means she may be in labour. */
	public static final Symptom LABOUR_SIGN = Symptom.REGULAR_PAINFUL_CONTRACTIONS;

	/** The urgency of the labour sign (and of the result) that means she may be in labour. */
	public static final Urgency LABOUR_URGENCY = Urgency.CALL_PROVIDER_NOW;

	public WarningSignResult {
		findings = List.copyOf(findings);
	}

	public boolean stopsExercise() {
		return urgency.stopsExercise();
	}

	/**
	 * What to do, in one word: the urgency, except that regular painful contractions from week 37 get their own
	 * advice (she may be in labour: call the maternity unit or labour line now), rule book v2.
	 */
	public Advice advice() {
		boolean labour = urgency == LABOUR_URGENCY && findings.stream()
			.anyMatch(finding -> finding.symptom() == LABOUR_SIGN && finding.urgency() == LABOUR_URGENCY);
		return labour ? Advice.POSSIBLE_LABOUR : Advice.valueOf(urgency.name());
	}

	/** How the result is put to her; pages and the API key their texts by it. */
	public enum Advice {

		NONE, MENTION_AT_NEXT_VISIT, CALL_PROVIDER_NOW, POSSIBLE_LABOUR, EMERGENCY

	}

	public record Finding(Symptom symptom, Urgency urgency, List<String> sources) {

		public Finding {
			sources = List.copyOf(sources);
		}

	}

}
