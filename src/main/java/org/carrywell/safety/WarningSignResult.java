package org.carrywell.safety;

import java.util.List;

/**
 * @param urgency the most urgent of the findings (NONE when there are none)
 * @param findings each symptom with its own urgency, the most urgent first
 */
public record WarningSignResult(Urgency urgency, List<Finding> findings) {

	public WarningSignResult {
		findings = List.copyOf(findings);
	}

	public boolean stopsExercise() {
		return urgency.stopsExercise();
	}

	public record Finding(Symptom symptom, Urgency urgency, List<String> sources) {

		public Finding {
			sources = List.copyOf(sources);
		}

	}

}
