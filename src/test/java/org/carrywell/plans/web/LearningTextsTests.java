package org.carrywell.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.carrywell.planning.LearnedWeek.Step;
import org.carrywell.planning.LearningRule;

/** Every change the learning rules can make is explained in words on her plan (PlanTexts.change). */
class LearningTextsTests {

	@Test
	void everyRuleAndEveryStepHasItsWords() throws Exception {
		var messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/messages.properties")) {
			messages.load(in);
		}
		for (LearningRule rule : LearningRule.values()) {
			// HOLD_MIXED changes nothing, so it is never shown.
			if (rule != LearningRule.HOLD_MIXED) {
				assertThat(messages).as("why, for %s", rule).containsKey("plan.change.because." + rule);
			}
		}
		for (Step step : Step.values()) {
			if (step != Step.HELD) {
				assertThat(messages).as("what, for %s", step).containsKey("plan.change." + step);
			}
		}
		assertThat(messages).containsKey("plan.change.LEFT_OUT.instead");
		// Held: said whole, for the rules that ask for a step the rules or the engine do not allow.
		for (LearningRule rule : new LearningRule[] { LearningRule.PROGRESS_EASY_TWICE, LearningRule.EASE_OFF_MARKED_PAINFUL,
				LearningRule.EASE_OFF_MADE_EASIER, LearningRule.EASE_OFF_FELT_HARD, LearningRule.EASE_OFF_PAIN_ROSE }) {
			assertThat(messages).as("held, for %s", rule).containsKey("plan.change.HELD." + rule);
		}
	}

}
