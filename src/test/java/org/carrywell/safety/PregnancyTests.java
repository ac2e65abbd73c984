package org.carrywell.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Rule book v2: the week never freezes. */
class PregnancyTests {

	private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

	@Test
	void aTypedWeekIsReadAtItsCautiousEnds() {
		var pregnancy = Pregnancy.fromWeeks(13, MONDAY);
		// The rules judge by the latest she may be: 13 today, and 14 from tomorrow, since today may be 13+6.
		assertThat(pregnancy.weekOn(MONDAY)).contains(GestationalAge.ofWeeks(13));
		assertThat(pregnancy.weekOn(MONDAY.plusDays(1))).contains(GestationalAge.ofWeeks(14));
		assertThat(pregnancy.weekOn(MONDAY.plusWeeks(3))).contains(GestationalAge.ofWeeks(16));
		// The signs that are more urgent before week 37 judge by the earliest she may be.
		assertThat(pregnancy.earliestWeekOn(MONDAY)).contains(GestationalAge.ofWeeks(13));
		assertThat(pregnancy.earliestWeekOn(MONDAY.plusDays(6))).contains(GestationalAge.ofWeeks(13));
		assertThat(pregnancy.earliestWeekOn(MONDAY.plusDays(7))).contains(GestationalAge.ofWeeks(14));
	}

	@Test
	void aDueDateIsExact() {
		var pregnancy = Pregnancy.fromDueDate(MONDAY.plusWeeks(27), MONDAY);
		assertThat(pregnancy.weekOn(MONDAY)).contains(GestationalAge.ofWeeks(13));
		assertThat(pregnancy.earliestWeekOn(MONDAY)).isEqualTo(pregnancy.weekOn(MONDAY));
		assertThat(pregnancy.weekOn(MONDAY.plusDays(6))).contains(GestationalAge.ofWeeks(13));
	}

	@Property(tries = 2_000)
	void aDueDateAndTheWeekItGivesAgree(@ForAll @IntRange(min = -14, max = 280) int daysToGo) {
		LocalDate due = MONDAY.plusDays(daysToGo);
		var pregnancy = Pregnancy.fromDueDate(due, MONDAY);
		assertThat(pregnancy.weekOn(MONDAY)).contains(GestationalAge.fromDueDate(due, MONDAY));
	}

	@Test
	void beyondWeekFortyTwoThereIsNoWeek() {
		var pregnancy = Pregnancy.fromWeeks(40, MONDAY);
		assertThat(pregnancy.weekOn(MONDAY.plusWeeks(2))).contains(GestationalAge.ofWeeks(42));
		assertThat(pregnancy.weekOn(MONDAY.plusWeeks(2).plusDays(1))).isEmpty();
		assertThatThrownBy(() -> new Person(pregnancy, java.util.Map.of(), java.util.Set.of(), java.util.Map.of(),
				java.util.Set.of(), true, null).weekOn(MONDAY.plusWeeks(3))).isInstanceOf(InvalidInputException.class);
		// A due date just over 40 weeks away is refused, not read as a week that does not exist.
		assertThat(PersonInput.read(new PersonInput.Raw(null, MONDAY.plusDays(290).toString(), null, java.util.Map.of(),
				java.util.Map.of(), java.util.List.of(), java.util.List.of(), null, null), MONDAY).problems())
			.extracting(PersonInput.Problem::code).containsExactly("dueDate.range");
	}

	@Test
	void theNextBoundaryIsTheNextWeekAtWhichARuleChanges() {
		assertThat(Pregnancy.fromWeeks(12, MONDAY).nextBoundaryWeekAfter(MONDAY)).contains(13);
		assertThat(Pregnancy.fromWeeks(13, MONDAY).nextBoundaryWeekAfter(MONDAY)).contains(14);
		assertThat(Pregnancy.fromWeeks(20, MONDAY).nextBoundaryWeekAfter(MONDAY)).contains(26);
		assertThat(Pregnancy.fromWeeks(37, MONDAY).nextBoundaryWeekAfter(MONDAY)).isEmpty();
		var pregnancy = Pregnancy.fromWeeks(15, MONDAY);
		assertThat(pregnancy.firstDayOfWeek(16)).isEqualTo(MONDAY.plusDays(1));
	}

	/**
	 * What is judged today for her device is good until the day before any rule could change: for every due date
	 * and typed week, each day up to the answer has the same boundary weeks behind her, at both ends of her week,
	 * and the next day has not (or is a week away).
	 */
	@Property(tries = 2000)
	void anOfflineCopyEndsTheDayBeforeAnyRuleCouldChange(@ForAll @IntRange(min = -14, max = 294) int daysToDue,
			@ForAll boolean typedWeek, @ForAll @IntRange(min = 0, max = 13) int daysSinceTyped) {
		// A week typed some days ago is known to within six days: her earliest and latest week part.
		var pregnancy = typedWeek
				? Pregnancy.fromWeeks(Math.max(0, Math.min(42, 40 - Math.floorDiv(daysToDue, 7))), MONDAY.minusDays(daysSinceTyped))
				: Pregnancy.fromDueDate(MONDAY.plusDays(daysToDue), MONDAY);
		net.jqwik.api.Assume.that(pregnancy.weekOn(MONDAY).isPresent());
		LocalDate until = pregnancy.sameRulesUntil(MONDAY, 7);
		assertThat(until).isBetween(MONDAY, MONDAY.plusDays(6));
		for (LocalDate day = MONDAY; !day.isAfter(until); day = day.plusDays(1)) {
			assertThat(pregnancy.weekOn(day)).as("within week 42 on %s", day).isPresent();
			assertThat(boundariesBehind(pregnancy, day)).as("rules on %s", day).isEqualTo(boundariesBehind(pregnancy, MONDAY));
		}
		LocalDate next = until.plusDays(1);
		if (next.isBefore(MONDAY.plusDays(7))) {
			assertThat(pregnancy.weekOn(next).isEmpty()
					|| !boundariesBehind(pregnancy, next).equals(boundariesBehind(pregnancy, MONDAY)))
				.as("something changes on %s", next).isTrue();
		}
	}

	@Test
	void anOfflineCopyMadeTheDayBeforeWeek16EndsThatDay() {
		var pregnancy = Pregnancy.fromWeeks(15, MONDAY);
		assertThat(pregnancy.sameRulesUntil(MONDAY, 7)).isEqualTo(MONDAY);
		assertThat(Pregnancy.fromDueDate(MONDAY.plusWeeks(20), MONDAY).sameRulesUntil(MONDAY, 7))
			.as("week 20: nothing changes for a week").isEqualTo(MONDAY.plusDays(6));
	}

	private static String boundariesBehind(Pregnancy pregnancy, LocalDate day) {
		int latest = pregnancy.weekOn(day).map(GestationalAge::weeks).orElse(99);
		int earliest = pregnancy.earliestWeekOn(day).map(GestationalAge::weeks).orElse(99);
		return Pregnancy.BOUNDARY_WEEKS.stream().map(week -> (week <= latest ? "L" : "-") + (week <= earliest ? "E" : "-"))
			.reduce("", String::concat);
	}

}
