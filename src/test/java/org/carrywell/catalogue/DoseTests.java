package org.carrywell.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DoseTests {

	@Test
	void repsWithAHoldCountTheHoldOnEveryRep() {
		var dose = new Dose(2, 10, 4, null, null, 3, 30, false);
		assertThat(dose.kind()).isEqualTo(Dose.Kind.REPS);
		assertThat(dose.workSecondsPerSet()).isEqualTo(70);
		assertThat(dose.durationSeconds()).isEqualTo(170);
	}

	@Test
	void eachKindOfDose() {
		assertThat(new Dose(1, null, 30, null, null, null, 0, true).durationSeconds()).isEqualTo(60);
		assertThat(new Dose(1, null, null, 10, null, 8, 0, false).durationSeconds()).isEqualTo(80);
		assertThat(new Dose(2, null, null, null, 3, null, 60, false).durationSeconds()).isEqualTo(420);
	}

	@Test
	void refusesAnInvalidDose() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Dose(1, 10, null, 5, null, 3, 0, false))
			.withMessageContaining("exactly one");
		assertThatIllegalArgumentException().isThrownBy(() -> new Dose(1, 10, null, null, null, null, 0, false))
			.withMessageContaining("secondsPerRep");
		assertThatIllegalArgumentException().isThrownBy(() -> new Dose(0, null, 30, null, null, null, 0, false))
			.withMessageContaining("sets");
	}

	@Property
	void restOnlyFallsBetweenSets(@ForAll @IntRange(min = 1, max = 10) int sets, @ForAll @IntRange(min = 1, max = 30) int reps,
			@ForAll @IntRange(min = 1, max = 10) int tempo, @ForAll @IntRange(max = 120) int rest, @ForAll boolean perSide) {
		var dose = new Dose(sets, reps, null, null, null, tempo, rest, perSide);
		int oneSet = reps * tempo * (perSide ? 2 : 1);
		assertThat(dose.durationSeconds()).isEqualTo(sets * oneSet + (sets - 1) * rest);
		assertThat(new Dose(sets + 1, reps, null, null, null, tempo, rest, perSide).durationSeconds())
			.isEqualTo(dose.durationSeconds() + oneSet + rest);
	}

}
