package org.carrywell.accounts;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.safety.ScreeningQuestion;

/**
 * Her check as she last took it: the answers, the day, the outcome on that day, and a provider's clearance when
 * the outcome was CLEARANCE_NEEDED. A clearance belongs to these answers: taking the check again with other answers
 * removes it.
 */
public record CheckRecord(Map<ScreeningQuestion, Boolean> answers, LocalDate checkedOn, ScreeningOutcome outcome,
		@Nullable Clearance clearance) {

	public CheckRecord {
		answers = answers.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(answers));
	}

	/** The provider's clearance, when it covers exactly these answers. */
	public @Nullable Clearance clearanceFor(Map<ScreeningQuestion, Boolean> given) {
		return clearance != null && answers.equals(Map.copyOf(given)) ? clearance : null;
	}

}
