package org.carrywell.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** A trimester of pregnancy, numbered 1 to 3 in files and in the API. */
public enum Trimester {

	FIRST(1), SECOND(2), THIRD(3);

	private final int number;

	Trimester(int number) {
		this.number = number;
	}

	public int number() {
		return number;
	}

	public static Optional<Trimester> ofNumber(int number) {
		return Arrays.stream(values()).filter(t -> t.number == number).findFirst();
	}

}
