package org.carrywell.system;

import java.util.List;

/**
 * One request parameter the API could not accept.
 *
 * @param allowedValues the values it takes, when it takes a fixed set (else empty)
 */
public record InvalidParameter(String parameter, String value, String detail, List<String> allowedValues) {

	public InvalidParameter {
		allowedValues = List.copyOf(allowedValues);
	}

}
