package org.carrywell.safety;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Symptoms to urgency: the result is the most urgent of the symptoms given, with each one's reason. */
public final class WarningSigns {

	private WarningSigns() {
	}

	/** @param age her week, or null when she has not said (week-dependent symptoms then take the cautious reading) */
	public static WarningSignResult assess(Collection<Symptom> symptoms, @Nullable GestationalAge age) {
		List<WarningSignResult.Finding> findings = symptoms.stream()
			.distinct()
			.map(symptom -> new WarningSignResult.Finding(symptom, symptom.urgencyAt(age), symptom.sources()))
			.sorted(Comparator.comparing(WarningSignResult.Finding::urgency).reversed()
				.thenComparing(WarningSignResult.Finding::symptom))
			.toList();
		Urgency urgency = findings.stream().map(WarningSignResult.Finding::urgency).reduce(Urgency.NONE, Urgency::max);
		return new WarningSignResult(urgency, findings);
	}

	/** @throws InvalidInputException naming the field for an id that is not a known symptom */
	public static Symptom symptomOf(String id) {
		try {
			return Symptom.valueOf(id);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("symptoms", "'" + id + "' is not a known symptom");
		}
	}

}
