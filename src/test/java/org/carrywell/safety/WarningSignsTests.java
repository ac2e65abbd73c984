package org.carrywell.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WarningSignsTests {

	private static final GestationalAge WEEK_30 = GestationalAge.ofWeeks(30);

	@ParameterizedTest
	@EnumSource(names = { "CHEST_PAIN", "FAINTING", "HEAVY_BLEEDING", "FLUID_GUSH", "SADDLE_NUMBNESS_OR_BLADDER_BOWEL_CHANGE",
			"SEVERE_HEADACHE_WITH_VISION_CHANGES", "REGULAR_PAINFUL_CONTRACTIONS" })
	@DisplayName("EMERGENCY")
	void emergency(Symptom symptom) {
		assertThat(WarningSigns.assess(Set.of(symptom), WEEK_30).urgency()).isEqualTo(Urgency.EMERGENCY);
	}

	@ParameterizedTest
	@EnumSource(names = { "VAGINAL_BLEEDING", "ABDOMINAL_PAIN", "DIZZINESS", "BREATHLESS_BEFORE_EXERTION",
			"HEADACHE", "MUSCLE_WEAKNESS_AFFECTING_BALANCE", "CALF_PAIN_OR_SWELLING", "FEVER_OR_CHILLS",
			"BURNING_OR_FREQUENT_URINATION", "LEG_NUMBNESS_OR_WEAKNESS", "SEVERE_OR_WORSENING_PAIN",
			"PAIN_AFTER_FALL_OR_INJURY", "FEWER_BABY_MOVEMENTS", "SUDDEN_SWELLING" })
	@DisplayName("CALL_PROVIDER_NOW")
	void callProviderNow(Symptom symptom) {
		assertThat(WarningSigns.assess(Set.of(symptom), WEEK_30).urgency()).isEqualTo(Urgency.CALL_PROVIDER_NOW);
	}

	@ParameterizedTest
	@EnumSource(names = { "BACK_PAIN_OVER_TWO_WEEKS", "PAIN_DISTURBS_SLEEP" })
	@DisplayName("MENTION_AT_NEXT_VISIT")
	void mentionAtNextVisit(Symptom symptom) {
		var result = WarningSigns.assess(Set.of(symptom), WEEK_30);
		assertThat(result.urgency()).isEqualTo(Urgency.MENTION_AT_NEXT_VISIT);
		assertThat(result.stopsExercise()).isFalse();
	}

	@Test
	@DisplayName("REGULAR_PAINFUL_CONTRACTIONS: an emergency before week 37, a call from week 37")
	void contractions() {
		assertThat(WarningSigns.assess(Set.of(Symptom.REGULAR_PAINFUL_CONTRACTIONS), GestationalAge.ofWeeks(36)).urgency())
			.isEqualTo(Urgency.EMERGENCY);
		assertThat(WarningSigns.assess(Set.of(Symptom.REGULAR_PAINFUL_CONTRACTIONS), GestationalAge.ofWeeks(37)).urgency())
			.isEqualTo(Urgency.CALL_PROVIDER_NOW);
	}

	@Test
	@DisplayName("v2 FLUID_LEAKING: an emergency before week 37 (possible preterm rupture), a call from week 37")
	void fluidLeaking() {
		assertThat(WarningSigns.assess(Set.of(Symptom.FLUID_LEAKING), GestationalAge.ofWeeks(36)).urgency())
			.isEqualTo(Urgency.EMERGENCY);
		assertThat(WarningSigns.assess(Set.of(Symptom.FLUID_LEAKING), GestationalAge.ofWeeks(37)).urgency())
			.isEqualTo(Urgency.CALL_PROVIDER_NOW);
		assertThat(Symptom.FLUID_LEAKING.sources()).contains("NICE-NG25");
	}

	@Test
	@DisplayName("v2 without the week, the week-dependent signs take their cautious reading")
	void unknownWeekIsTheCautiousReading() {
		for (Symptom symptom : Symptom.values()) {
			var unknown = WarningSigns.assess(Set.of(symptom), null).urgency();
			for (int week = 0; week <= GestationalAge.MAX_WEEKS; week++) {
				assertThat(unknown).as("%s unknown vs week %d", symptom, week)
					.isGreaterThanOrEqualTo(symptom.urgencyAt(GestationalAge.ofWeeks(week)));
			}
		}
	}

	@Test
	@DisplayName("v2 contractions from week 37 get their own advice: she may be in labour")
	void labourHasItsOwnAdvice() {
		assertThat(WarningSigns.assess(Set.of(Symptom.REGULAR_PAINFUL_CONTRACTIONS), GestationalAge.ofWeeks(38)).advice())
			.isEqualTo(WarningSignResult.Advice.POSSIBLE_LABOUR);
		assertThat(WarningSigns.assess(Set.of(Symptom.REGULAR_PAINFUL_CONTRACTIONS), GestationalAge.ofWeeks(30)).advice())
			.isEqualTo(WarningSignResult.Advice.EMERGENCY);
		assertThat(WarningSigns.assess(Set.of(Symptom.HEADACHE), GestationalAge.ofWeeks(38)).advice())
			.isEqualTo(WarningSignResult.Advice.CALL_PROVIDER_NOW);
		assertThat(WarningSigns.assess(Set.of(Symptom.REGULAR_PAINFUL_CONTRACTIONS, Symptom.CHEST_PAIN),
				GestationalAge.ofWeeks(38)).advice()).isEqualTo(WarningSignResult.Advice.EMERGENCY);
	}

	@Test
	void noSymptomsIsNone() {
		var result = WarningSigns.assess(Set.of(), WEEK_30);
		assertThat(result.urgency()).isEqualTo(Urgency.NONE);
		assertThat(result.findings()).isEmpty();
	}

	@Test
	void callingOrEmergencyStopsExercise() {
		assertThat(Urgency.CALL_PROVIDER_NOW.stopsExercise()).isTrue();
		assertThat(Urgency.EMERGENCY.stopsExercise()).isTrue();
		assertThat(Urgency.MENTION_AT_NEXT_VISIT.stopsExercise()).isFalse();
		assertThat(Urgency.NONE.stopsExercise()).isFalse();
	}

	@Test
	void findingsComeMostUrgentFirstWithSources() {
		var result = WarningSigns.assess(List.of(Symptom.PAIN_DISTURBS_SLEEP, Symptom.CHEST_PAIN, Symptom.HEADACHE), WEEK_30);
		assertThat(result.findings()).extracting(WarningSignResult.Finding::symptom)
			.containsExactly(Symptom.CHEST_PAIN, Symptom.HEADACHE, Symptom.PAIN_DISTURBS_SLEEP);
		assertThat(result.findings()).allSatisfy(finding -> assertThat(finding.sources()).isNotEmpty());
	}

	@Test
	void unknownSymptomIdsAreRejected() {
		assertThatThrownBy(() -> WarningSigns.symptomOf("HICCUPS")).isInstanceOfSatisfying(InvalidInputException.class,
				ex -> assertThat(ex.field()).isEqualTo("symptoms"));
	}

	@Property(tries = 10_000)
	void urgencyIsTheHighestOfTheSymptoms(@ForAll Set<Symptom> symptoms, @ForAll @IntRange(max = 42) int week) {
		var age = GestationalAge.ofWeeks(week);
		var expected = symptoms.stream().map(symptom -> symptom.urgencyAt(age)).max(Enum::compareTo).orElse(Urgency.NONE);
		assertThat(WarningSigns.assess(symptoms, age).urgency()).isEqualTo(expected);
	}

	@Property(tries = 10_000)
	void oneMoreSymptomNeverLowersTheUrgency(@ForAll Set<Symptom> symptoms, @ForAll Symptom more,
			@ForAll @IntRange(max = 42) int week) {
		var age = GestationalAge.ofWeeks(week);
		var withMore = new java.util.HashSet<>(symptoms);
		withMore.add(more);
		assertThat(WarningSigns.assess(withMore, age).urgency()).isGreaterThanOrEqualTo(WarningSigns.assess(symptoms, age).urgency());
	}

}
