package org.carrywell.catalogue;

import java.util.Objects;
import java.util.regex.Pattern;

/** The permanent slug of an exercise, e.g. {@code pelvic-tilt-wall}. Never reused once published. */
public record ExerciseId(String value) implements Comparable<ExerciseId> {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	public ExerciseId {
		Objects.requireNonNull(value, "value");
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not an exercise id (lower-case letters, digits, single hyphens): " + value);
		}
	}

	public static ExerciseId of(String value) {
		return new ExerciseId(value);
	}

	public static boolean isValid(String candidate) {
		return candidate.length() <= 80 && SLUG.matcher(candidate).matches();
	}

	@Override
	public int compareTo(ExerciseId other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return value;
	}

}
