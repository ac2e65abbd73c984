package org.carrywell.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The table the device applies offline (docs/offline.md) says what the engine says: read back week by week, every
 * sign's urgency is the engine's, and the thresholds are the engine's own. (The browser's reading of it is held to
 * the engine by OfflineJourneyTests.)
 */
class RuleTableTests {

	private final RuleTable table = RuleTable.fromEngine();

	@Test
	void everySignReadBackAtEveryWeekIsTheEnginesUrgency() {
		assertThat(table.signs()).extracting(RuleTable.Sign::id).containsExactly(Symptom.values());
		for (RuleTable.Sign sign : table.signs()) {
			assertThat(sign.unknownWeek()).as("%s at an unknown week", sign.id()).isEqualTo(sign.id().urgencyAt(null));
			assertThat(sign.fromWeek().get(0).week()).isZero();
			for (int week = 0; week <= GestationalAge.MAX_WEEKS; week++) {
				assertThat(readBack(sign, week)).as("%s at week %d", sign.id(), week)
					.isEqualTo(sign.id().urgencyAt(GestationalAge.ofWeeks(week)));
			}
		}
	}

	@Test
	void onlyTheTermSignsChangeAndOnlyAtWeek37() {
		var changing = table.signs().stream().filter(sign -> sign.fromWeek().size() > 1).toList();
		assertThat(changing).extracting(RuleTable.Sign::id)
			.containsExactlyInAnyOrder(Symptom.REGULAR_PAINFUL_CONTRACTIONS, Symptom.FLUID_LEAKING);
		changing.forEach(sign -> assertThat(sign.fromWeek()).containsExactly(
				new RuleTable.Change(0, Urgency.EMERGENCY), new RuleTable.Change(37, Urgency.CALL_PROVIDER_NOW)));
	}

	@Test
	void theCheckBeforeASessionAndItsThresholdsAreTheEngines() {
		assertThat(table.questions()).extracting(RuleTable.Question::id).containsExactly(PreSessionQuestion.values());
		table.questions().forEach(question -> assertThat(question.signs()).isEqualTo(question.id().symptoms()));
		assertThat(table.painOffersCheck()).isEqualTo(PreSessionCheck.PAIN_BEFORE_OFFERS_CHECK);
		assertThat(table.painRiseOffersCheck()).isEqualTo(PreSessionCheck.PAIN_RISE_OFFERS_CHECK);
		assertThat(table.stopsExercise()).containsExactly(Urgency.CALL_PROVIDER_NOW, Urgency.EMERGENCY);
		assertThat(table.urgencies()).containsExactly(Urgency.values());
		assertThat(table.strongPainSign()).isEqualTo(PreSessionCheck.STRONG_PAIN_SIGN);
		assertThat(PreSessionCheck.assess(java.util.Map.of(), 10).offered()).contains(table.strongPainSign());
		var labour = WarningSigns.assess(List.of(table.labourSign()), GestationalAge.ofWeeks(38));
		assertThat(labour.urgency()).isEqualTo(table.labourUrgency());
		assertThat(labour.advice()).isEqualTo(table.labourAdvice());
	}

	private static Urgency readBack(RuleTable.Sign sign, int week) {
		Urgency urgency = null;
		for (RuleTable.Change change : sign.fromWeek()) {
			if (change.week() <= week) {
				urgency = change.urgency();
			}
		}
		return urgency;
	}

}
