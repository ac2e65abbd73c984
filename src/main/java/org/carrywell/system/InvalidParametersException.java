package org.carrywell.system;

import java.util.List;
import java.util.stream.Collectors;

/** The API answers with a 400 problem detail that lists every bad parameter. */
public class InvalidParametersException extends RuntimeException {

	private final List<InvalidParameter> parameters;

	public InvalidParametersException(List<InvalidParameter> parameters) {
		super(parameters.stream().map(InvalidParameter::detail).collect(Collectors.joining(" ")));
		this.parameters = List.copyOf(parameters);
	}

	public List<InvalidParameter> parameters() {
		return parameters;
	}

}
