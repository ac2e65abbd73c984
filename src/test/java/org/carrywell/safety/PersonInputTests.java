package org.carrywell.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.PainArea;

/** The one way in for a person's context: every rule written once. */
class PersonInputTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	private static PersonInput.Raw raw(String weeks, String asOf, Map<String, String> pain, List<String> conditions,
			Map<String, String> answers) {
		return new PersonInput.Raw(weeks, null, asOf, answers, pain, conditions, List.of(), "yes", null);
	}

	@Test
	void aValidPersonCarriesHerWeekTodayAndHerContext() {
		var result = PersonInput.read(raw("13", "2026-11-09", Map.of("PELVIS_BACK", "8"), List.of("TWINS"),
				Map.of("HEART_DISEASE", "no")), TODAY);
		assertThat(result.problems()).isEmpty();
		var person = result.orElseThrow();
		assertThat(person.weekOn(TODAY).weeks()).isEqualTo(16);
		assertThat(person.earliestWeekOn(TODAY).weeks()).isEqualTo(16);
		assertThat(person.pain()).containsEntry(PainArea.PELVIS_BACK, 8);
		assertThat(person.floorOk()).isTrue();
	}

	@Test
	void declaredTwinsCountInScreening() {
		var allNo = new java.util.HashMap<String, String>();
		for (ScreeningQuestion question : ScreeningQuestion.values()) {
			allNo.put(question.name(), "no");
		}
		var person = PersonInput.read(raw("30", "", Map.of(), List.of("TWINS"), allNo), TODAY).orElseThrow();
		var screening = person.screeningOn(TODAY);
		assertThat(screening.outcome()).isEqualTo(ScreeningOutcome.NOT_ADVISED);
		assertThat(screening.reasons()).anySatisfy(reason -> {
			assertThat(reason.question()).isEqualTo(ScreeningQuestion.MULTIPLE_PREGNANCY);
			assertThat(reason.fromDeclaredCondition()).isTrue();
		});
		var at20 = PersonInput.read(raw("20", "", Map.of(), List.of("TWINS"), allNo), TODAY).orElseThrow();
		assertThat(at20.screeningOn(TODAY).outcome()).isEqualTo(ScreeningOutcome.CLEARANCE_NEEDED);
	}

	@Test
	void everyProblemIsNamedByItsFieldAndCode() {
		var result = PersonInput.read(new PersonInput.Raw("x", null, null, Map.of("NOPE", "yes", "HEART_DISEASE", "maybe"),
				Map.of("LOWER_BACK", "11", "KNEE", "3"), List.of("FLU"), List.of("TRAMPOLINE"), "sometimes", "VERY"), TODAY);
		assertThat(result.valid()).isFalse();
		assertThat(result.problems()).extracting(PersonInput.Problem::code)
			.contains("weeks.number", "answer.unknown", "answer.value", "pain.range", "pain.unknown", "value.unknown",
					"floor.value");
	}

	@Test
	void datesAreChecked() {
		assertThat(PersonInput.read(raw("20", "2026-12-25", Map.of(), List.of(), Map.of()), TODAY).problems())
			.extracting(PersonInput.Problem::code).containsExactly("asOf.future");
		assertThat(PersonInput.read(raw("30", "2025-01-01", Map.of(), List.of(), Map.of()), TODAY).problems())
			.extracting(PersonInput.Problem::code).containsExactly("weeks.passed");
		assertThat(PersonInput.read(raw("42", "-999999999-01-05", Map.of(), List.of(), Map.of()), TODAY).problems())
			.extracting(PersonInput.Problem::code).containsExactly("weeks.passed");
		assertThat(PersonInput.read(raw("+5", "", Map.of(), List.of(), Map.of()), TODAY).problems())
			.extracting(PersonInput.Problem::code).containsExactly("weeks.number");
		assertThat(PersonInput.read(raw("", "", Map.of(), List.of(), Map.of()), TODAY).problems())
			.extracting(PersonInput.Problem::code).containsExactly("age.required");
		assertThat(PersonInput.read(new PersonInput.Raw(null, "2030-01-01", null, Map.of(), Map.of(), List.of(), List.of(),
				null, null), TODAY).problems()).extracting(PersonInput.Problem::code).containsExactly("dueDate.range");
	}

	@Test
	void theFloorNotGivenIsTheCautiousNo() {
		var person = PersonInput.read(new PersonInput.Raw("20", null, null, Map.of(), Map.of(), List.of(), List.of(), null,
				null), TODAY).orElseThrow();
		assertThat(person.floorOk()).isFalse();
	}

	@Property(tries = 1_000)
	void painIsAcceptedExactlyFromZeroToTen(@ForAll int pain) {
		var result = PersonInput.read(raw("20", "", Map.of("LOWER_BACK", String.valueOf(pain)), List.of(), Map.of()), TODAY);
		assertThat(result.valid()).isEqualTo(pain >= 0 && pain <= 10);
	}

}
