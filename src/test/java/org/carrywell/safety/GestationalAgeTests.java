package org.carrywell.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Trimester;

class GestationalAgeTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

	@Test
	void trimestersAsTheRuleBookDefinesThem() {
		assertThat(GestationalAge.ofWeeks(0).trimester()).isEqualTo(Trimester.FIRST);
		assertThat(GestationalAge.ofWeeks(13).trimester()).isEqualTo(Trimester.FIRST);
		assertThat(GestationalAge.ofWeeks(14).trimester()).isEqualTo(Trimester.SECOND);
		assertThat(GestationalAge.ofWeeks(27).trimester()).isEqualTo(Trimester.SECOND);
		assertThat(GestationalAge.ofWeeks(28).trimester()).isEqualTo(Trimester.THIRD);
		assertThat(GestationalAge.ofWeeks(42).trimester()).isEqualTo(Trimester.THIRD);
	}

	@Test
	void weeksOutside0To42AreRefusedNamingTheField() {
		assertThatThrownBy(() -> GestationalAge.ofWeeks(43)).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.field()).isEqualTo("weeksPregnant"));
		assertThatThrownBy(() -> GestationalAge.ofWeeks(-1)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void fromADueDateIsFortyWeeksMinusTheTimeLeft() {
		assertThat(GestationalAge.fromDueDate(TODAY, TODAY).weeks()).isEqualTo(40);
		assertThat(GestationalAge.fromDueDate(TODAY.plusWeeks(16), TODAY).weeks()).isEqualTo(24);
		assertThat(GestationalAge.fromDueDate(TODAY.plusWeeks(16).plusDays(3), TODAY).weeks()).isEqualTo(23);
		assertThat(GestationalAge.fromDueDate(TODAY.minusDays(14), TODAY).weeks()).isEqualTo(42);
		assertThat(GestationalAge.fromDueDate(TODAY.plusWeeks(42), TODAY).weeks()).isZero();
	}

	@Test
	void aDueDateTooFarAwayOrLongPastIsRefused() {
		assertThatThrownBy(() -> GestationalAge.fromDueDate(TODAY.plusWeeks(42).plusDays(1), TODAY))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.field()).isEqualTo("dueDate"));
		assertThatThrownBy(() -> GestationalAge.fromDueDate(TODAY.minusDays(15), TODAY))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("more than 2 weeks ago");
	}

	@Property
	void aLaterDueDateNeverMeansFurtherAlong(@ForAll @IntRange(min = -14, max = 293) int daysToGo) {
		var earlier = GestationalAge.fromDueDate(TODAY.plusDays(daysToGo), TODAY);
		var later = GestationalAge.fromDueDate(TODAY.plusDays(daysToGo + 1), TODAY);
		assertThat(later.weeks()).isLessThanOrEqualTo(earlier.weeks());
		assertThat(earlier.weeks()).isBetween(0, 42);
	}

}
