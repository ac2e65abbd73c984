package org.carrywell.progress;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.carrywell.planning.PlanAdjustment.Feedback;

/**
 * One finished or stopped session as the player recorded it.
 *
 * @param clientId the UUID the player made it with: the same result sent twice is stored once
 * @param day the day of her plan's week it was (1 = Monday), or null for a single exercise from the library
 * @param felt how hard it felt, if she said
 * @param exercisesEasier the exercises she switched to their easier variant during it
 * @param exercisesPainful the exercises she marked as painful afterwards
 * @param symptoms warning signs she ticked afterwards (the warning-sign check gives their urgency)
 * @param note anything unusual, in her words
 * @param receivedAt when her account received it (null until it is stored)
 */
public record SessionRecord(UUID clientId, Instant startedAt, Instant endedAt, @Nullable Integer day,
		@Nullable Integer painBefore, @Nullable Integer painAfter, @Nullable Feedback felt, int secondsDone,
		List<String> exercisesDone, List<String> exercisesSkipped, List<String> exercisesEasier,
		List<String> exercisesPainful, List<String> symptoms, String note, @Nullable Instant receivedAt) {

	public SessionRecord {
		Objects.requireNonNull(clientId, "clientId");
		exercisesDone = List.copyOf(exercisesDone);
		exercisesSkipped = List.copyOf(exercisesSkipped);
		exercisesEasier = List.copyOf(exercisesEasier);
		exercisesPainful = List.copyOf(exercisesPainful);
		symptoms = List.copyOf(symptoms);
	}

}
