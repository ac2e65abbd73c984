package org.carrywell.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScreeningTests {

	private static final GestationalAge WEEK_20 = GestationalAge.ofWeeks(20);

	private static Map<ScreeningQuestion, Boolean> allNo() {
		var answers = new EnumMap<ScreeningQuestion, Boolean>(ScreeningQuestion.class);
		Arrays.stream(ScreeningQuestion.values()).forEach(question -> answers.put(question, false));
		return answers;
	}

	private static ScreeningOutcome yesTo(ScreeningQuestion question, int week) {
		var answers = allNo();
		answers.put(question, true);
		return Screening.assess(answers, GestationalAge.ofWeeks(week)).outcome();
	}

	@Test
	@DisplayName("CLEARED: all no")
	void clearedWhenEveryAnswerIsNo() {
		var result = Screening.assess(allNo(), WEEK_20);
		assertThat(result.outcome()).isEqualTo(ScreeningOutcome.CLEARED);
		assertThat(result.reasons()).isEmpty();
		assertThat(result.missing()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(names = { "HEART_DISEASE", "RESTRICTIVE_LUNG_DISEASE", "CERVICAL_INSUFFICIENCY_OR_CERCLAGE",
			"PERSISTENT_BLEEDING", "PRETERM_LABOUR", "RUPTURED_MEMBRANES", "PREECLAMPSIA_OR_GESTATIONAL_HYPERTENSION",
			"SEVERE_ANAEMIA", "FETAL_GROWTH_RESTRICTION", "MULTIPLE_PREGNANCY_HIGH_ORDER_OR_LATE",
			"UNCONTROLLED_DIABETES_HYPERTENSION_OR_THYROID" })
	@DisplayName("NOT_ADVISED: any one yes")
	void notAdvised(ScreeningQuestion question) {
		assertThat(yesTo(question, 5)).isEqualTo(ScreeningOutcome.NOT_ADVISED);
		assertThat(yesTo(question, 35)).isEqualTo(ScreeningOutcome.NOT_ADVISED);
	}

	@ParameterizedTest
	@EnumSource(names = { "ANAEMIA", "UNEVALUATED_ARRHYTHMIA", "CHRONIC_BRONCHITIS", "EXTREME_OBESITY",
			"EXTREME_UNDERWEIGHT", "ORTHOPAEDIC_LIMITATIONS", "UNCONTROLLED_SEIZURES", "HEAVY_SMOKER",
			"EATING_DISORDER_OR_MALNUTRITION", "RECURRENT_MISCARRIAGE", "PREVIOUS_PRETERM_BIRTH", "OTHER_MEDICAL_CONDITION",
			"OTHER_CONCERN" })
	@DisplayName("CLEARANCE_NEEDED: any one yes, none of the above")
	void clearanceNeeded(ScreeningQuestion question) {
		assertThat(yesTo(question, 5)).isEqualTo(ScreeningOutcome.CLEARANCE_NEEDED);
		assertThat(yesTo(question, 38)).isEqualTo(ScreeningOutcome.CLEARANCE_NEEDED);
	}

	@Test
	@DisplayName("PLACENTA_PREVIA: clearance before week 26, not advised from week 26")
	void placentaPrevia() {
		assertThat(yesTo(ScreeningQuestion.PLACENTA_PREVIA, 25)).isEqualTo(ScreeningOutcome.CLEARANCE_NEEDED);
		assertThat(yesTo(ScreeningQuestion.PLACENTA_PREVIA, 26)).isEqualTo(ScreeningOutcome.NOT_ADVISED);
	}

	@Test
	@DisplayName("MULTIPLE_PREGNANCY: twins need clearance before week 28, and are not advised from week 28")
	void twins() {
		assertThat(yesTo(ScreeningQuestion.MULTIPLE_PREGNANCY, 27)).isEqualTo(ScreeningOutcome.CLEARANCE_NEEDED);
		assertThat(yesTo(ScreeningQuestion.MULTIPLE_PREGNANCY, 28)).isEqualTo(ScreeningOutcome.NOT_ADVISED);
	}

	@Test
	@DisplayName("unanswered questions: at least CLEARANCE_NEEDED, naming the missing ones")
	void missingAnswers() {
		var answers = allNo();
		answers.remove(ScreeningQuestion.HEART_DISEASE);
		answers.remove(ScreeningQuestion.OTHER_CONCERN);
		var result = Screening.assess(answers, WEEK_20);
		assertThat(result.outcome()).isEqualTo(ScreeningOutcome.CLEARANCE_NEEDED);
		assertThat(result.missing()).containsExactly(ScreeningQuestion.HEART_DISEASE, ScreeningQuestion.OTHER_CONCERN);

		answers.put(ScreeningQuestion.RUPTURED_MEMBRANES, true);
		assertThat(Screening.assess(answers, WEEK_20).outcome()).isEqualTo(ScreeningOutcome.NOT_ADVISED);
	}

	@Test
	void reasonsNameTheQuestionWhatItLeadsToAndTheSources() {
		var answers = allNo();
		answers.put(ScreeningQuestion.ANAEMIA, true);
		answers.put(ScreeningQuestion.PLACENTA_PREVIA, true);
		var result = Screening.assess(answers, GestationalAge.ofWeeks(30));
		assertThat(result.outcome()).isEqualTo(ScreeningOutcome.NOT_ADVISED);
		assertThat(result.reasons()).extracting(ScreeningResult.Reason::question, ScreeningResult.Reason::leadsTo)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ScreeningQuestion.PLACENTA_PREVIA, ScreeningOutcome.NOT_ADVISED),
					org.assertj.core.groups.Tuple.tuple(ScreeningQuestion.ANAEMIA, ScreeningOutcome.CLEARANCE_NEEDED));
		assertThat(result.reasons()).allSatisfy(reason -> assertThat(reason.sources()).contains("ACOG804"));
	}

	@Test
	void unknownQuestionIdsAreRejectedNotIgnored() {
		assertThatThrownBy(() -> Screening.questionOf("BROKEN_LEG")).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.field()).isEqualTo("answers.BROKEN_LEG"));
		assertThat(Screening.questionOf("ANAEMIA")).isEqualTo(ScreeningQuestion.ANAEMIA);
	}

	@Property(tries = 10_000)
	void answeringOneMoreYesNeverMakesTheOutcomeLessCautious(@ForAll Map<ScreeningQuestion, Boolean> answers,
			@ForAll ScreeningQuestion question, @ForAll @IntRange(max = 42) int week) {
		var age = GestationalAge.ofWeeks(week);
		var before = Screening.assess(answers, age).outcome();
		var withYes = new EnumMap<ScreeningQuestion, Boolean>(ScreeningQuestion.class);
		withYes.putAll(answers);
		withYes.put(question, true);
		assertThat(Screening.assess(withYes, age).outcome()).isGreaterThanOrEqualTo(before);
	}

	@Property(tries = 10_000)
	void laterInPregnancyTheSameAnswersAreNeverLessCautious(@ForAll Map<ScreeningQuestion, Boolean> answers,
			@ForAll @IntRange(max = 41) int week) {
		assertThat(Screening.assess(answers, GestationalAge.ofWeeks(week + 1)).outcome())
			.isGreaterThanOrEqualTo(Screening.assess(answers, GestationalAge.ofWeeks(week)).outcome());
	}

	@Property(tries = 10_000)
	void clearedOnlyWhenEveryQuestionIsAnsweredNo(@ForAll Map<ScreeningQuestion, Boolean> answers,
			@ForAll @IntRange(max = 42) int week) {
		boolean allAnsweredNo = Arrays.stream(ScreeningQuestion.values()).allMatch(q -> Boolean.FALSE.equals(answers.get(q)));
		assertThat(Screening.assess(answers, GestationalAge.ofWeeks(week)).outcome() == ScreeningOutcome.CLEARED)
			.isEqualTo(allAnsweredNo);
	}

}
