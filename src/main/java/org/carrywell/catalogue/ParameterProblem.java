package org.carrywell.catalogue;

import java.util.List;

/** One bad request parameter: which, the value given, and what it allows. */
public record ParameterProblem(String parameter, String value, List<String> allowedValues, Reason reason) {

	public enum Reason {

		UNKNOWN_VALUE, ONE_VALUE_ONLY

	}

	public ParameterProblem {
		allowedValues = List.copyOf(allowedValues);
	}

	/** A plain English sentence for logs and API clients; pages use the message keys instead. */
	public String describe() {
		return switch (reason) {
			case UNKNOWN_VALUE -> "Unknown value '%s' for parameter '%s'. Allowed values: %s."
				.formatted(value, parameter, String.join(", ", allowedValues));
			case ONE_VALUE_ONLY -> "Parameter '%s' takes one value, got '%s'. Allowed values: %s."
				.formatted(parameter, value, String.join(", ", allowedValues));
		};
	}

}
