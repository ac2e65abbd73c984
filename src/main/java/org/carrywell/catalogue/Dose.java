package org.carrywell.catalogue;

import org.jspecify.annotations.Nullable;

/**
 * How much of an exercise to do. Exactly one of {@code reps}, {@code holdSeconds} (alone), {@code breaths}
 * or {@code minutes} says what kind of dose it is; {@code holdSeconds} with {@code reps} is a hold per rep.
 * The loader checks these rules before a dose is built; the constructor re-checks them so that an invalid
 * dose cannot exist.
 */
public record Dose(int sets, @Nullable Integer reps, @Nullable Integer holdSeconds, @Nullable Integer breaths,
		@Nullable Integer minutes, @Nullable Integer secondsPerRep, int restSeconds, boolean perSide) {

	/** The longest a single exercise may take. */
	public static final int MAX_SECONDS = 15 * 60;

	public enum Kind {

		REPS, HOLD, BREATHS, MINUTES

	}

	public Dose {
		requireAtLeast("sets", sets, 1);
		requireAtLeast("restSeconds", restSeconds, 0);
		int kinds = count(reps) + count(breaths) + count(minutes) + (reps == null ? count(holdSeconds) : 0);
		if (kinds != 1) {
			throw new IllegalArgumentException("A dose needs exactly one of reps, holdSeconds, breaths or minutes");
		}
		if ((reps != null || breaths != null) && secondsPerRep == null) {
			throw new IllegalArgumentException("A dose in reps or breaths needs secondsPerRep");
		}
		for (var part : new Object[][] { { "reps", reps }, { "holdSeconds", holdSeconds }, { "breaths", breaths },
				{ "minutes", minutes }, { "secondsPerRep", secondsPerRep } }) {
			if (part[1] != null) {
				requireAtLeast((String) part[0], (Integer) part[1], 1);
			}
		}
	}

	public Kind kind() {
		if (reps != null) {
			return Kind.REPS;
		}
		if (breaths != null) {
			return Kind.BREATHS;
		}
		if (minutes != null) {
			return Kind.MINUTES;
		}
		return Kind.HOLD;
	}

	/** Seconds of work in one set, both sides included. */
	public int workSecondsPerSet() {
		int work = switch (kind()) {
			case REPS -> reps * (secondsPerRep + orZero(holdSeconds));
			case BREATHS -> breaths * secondsPerRep;
			case MINUTES -> minutes * 60;
			case HOLD -> holdSeconds;
		};
		return perSide ? 2 * work : work;
	}

	/** The whole exercise: every set, and the rests between sets. */
	public int durationSeconds() {
		return sets * workSecondsPerSet() + (sets - 1) * restSeconds;
	}

	private static int orZero(@Nullable Integer value) {
		return value == null ? 0 : value;
	}

	private static int count(@Nullable Integer value) {
		return value == null ? 0 : 1;
	}

	private static void requireAtLeast(String name, int value, int minimum) {
		if (value < minimum) {
			throw new IllegalArgumentException(name + " must be at least " + minimum + ", was " + value);
		}
	}

}
