package org.carrywell.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Rule book v2, "The check before every session". */
class PreSessionCheckTests {

	private static Map<PreSessionQuestion, Boolean> allNo() {
		var answers = new EnumMap<PreSessionQuestion, Boolean>(PreSessionQuestion.class);
		Arrays.stream(PreSessionQuestion.values()).forEach(question -> answers.put(question, false));
		return answers;
	}

	@Test
	void everySignThatStopsExerciseIsInExactlyOneQuestion() {
		var asked = EnumSet.noneOf(Symptom.class);
		for (PreSessionQuestion question : PreSessionQuestion.values()) {
			for (Symptom symptom : question.symptoms()) {
				assertThat(asked.add(symptom)).as("%s is in two questions", symptom).isTrue();
			}
		}
		for (Symptom symptom : Symptom.values()) {
			boolean stops = symptom.urgencyAt(null).stopsExercise();
			assertThat(asked.contains(symptom)).as("%s asked before a session", symptom).isEqualTo(stops);
		}
	}

	@Test
	void acogsTenSignsAndTheProductsOwnAreAsked() {
		var asked = Arrays.stream(PreSessionQuestion.values()).flatMap(q -> q.symptoms().stream()).toList();
		assertThat(asked).contains(Symptom.VAGINAL_BLEEDING, Symptom.REGULAR_PAINFUL_CONTRACTIONS, Symptom.FLUID_LEAKING,
				Symptom.BREATHLESS_BEFORE_EXERTION, Symptom.DIZZINESS, Symptom.HEADACHE, Symptom.CHEST_PAIN,
				Symptom.MUSCLE_WEAKNESS_AFFECTING_BALANCE, Symptom.CALF_PAIN_OR_SWELLING, Symptom.ABDOMINAL_PAIN,
				Symptom.FEWER_BABY_MOVEMENTS, Symptom.SUDDEN_SWELLING, Symptom.FEVER_OR_CHILLS,
				Symptom.LEG_NUMBNESS_OR_WEAKNESS);
	}

	@Test
	void allNoAndLittlePainStarts() {
		var result = PreSessionCheck.assess(allNo(), 7);
		assertThat(result.outcome()).isEqualTo(PreSessionCheck.Outcome.START);
		assertThat(result.offered()).isEmpty();
	}

	@Test
	void aYesOffersOnlyThatGroupsSigns() {
		var answers = allNo();
		answers.put(PreSessionQuestion.LEGS_OR_NUMBNESS, true);
		var result = PreSessionCheck.assess(answers, 2);
		assertThat(result.outcome()).isEqualTo(PreSessionCheck.Outcome.CHECK_WARNING_SIGNS);
		assertThat(result.offered()).containsExactlyInAnyOrderElementsOf(PreSessionQuestion.LEGS_OR_NUMBNESS.symptoms());
	}

	@Test
	void painOfEightOrMoreOffersSevereOrWorseningPain() {
		var result = PreSessionCheck.assess(allNo(), 8);
		assertThat(result.outcome()).isEqualTo(PreSessionCheck.Outcome.CHECK_WARNING_SIGNS);
		assertThat(result.offered()).containsExactly(Symptom.SEVERE_OR_WORSENING_PAIN);
		assertThat(result.strongPain()).isTrue();
	}

	@Test
	void anUnansweredQuestionNeverStarts() {
		var answers = allNo();
		answers.remove(PreSessionQuestion.BABY_OR_FEVER);
		var result = PreSessionCheck.assess(answers, 0);
		assertThat(result.outcome()).isEqualTo(PreSessionCheck.Outcome.UNANSWERED);
		assertThat(result.unanswered()).containsExactly(PreSessionQuestion.BABY_OR_FEVER);
	}

	@Property(tries = 2_000)
	void onlyAllNoBelowEightStarts(@ForAll Map<PreSessionQuestion, Boolean> answers, @ForAll @IntRange(max = 10) int pain) {
		boolean allAnsweredNo = answers.size() == PreSessionQuestion.values().length
				&& answers.values().stream().noneMatch(Boolean::booleanValue);
		assertThat(PreSessionCheck.assess(answers, pain).outcome() == PreSessionCheck.Outcome.START)
			.isEqualTo(allAnsweredNo && pain < 8);
	}

	@Test
	void aRiseOfThreeOffersTheCheckAfterASession() {
		assertThat(PreSessionCheck.painRoseEnough(2, 4)).isFalse();
		assertThat(PreSessionCheck.painRoseEnough(2, 5)).isTrue();
		assertThat(PreSessionCheck.painRoseEnough(7, 8)).isTrue();
		assertThat(List.of(PreSessionCheck.PAIN_RISE_OFFERS_CHECK, PreSessionCheck.PAIN_BEFORE_OFFERS_CHECK))
			.containsExactly(3, 8);
	}

}
