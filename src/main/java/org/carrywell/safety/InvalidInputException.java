package org.carrywell.safety;

/** An input the engine cannot accept; names the field, so a page or the API can say which one to fix. */
public class InvalidInputException extends IllegalArgumentException {

	private final String field;

	public InvalidInputException(String field, String problem) {
		super(field + " " + problem);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
