package org.carrywell.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.ExerciseId;

/**
 * What the learning rules decided for one week: the variant and sets per exercise family, the exercises left
 * out, the plan's size, and every change with the rule that made it. It is the state the next week learns from,
 * so a week's plan keeps its decisions however often it is opened.
 *
 * @param weekStart the Monday of the week it is for
 * @param decidedAt when it was decided: the next week learns only from sessions that ended after this
 * @param prescriptions per family: which exercise, and how many sets more or fewer than its file gives
 * @param leftOut exercises left out, each until the day it may come back
 * @param minutesPerSession the session length the plan may use (never more than she asked)
 * @param sessionsPerWeek the sessions the plan may hold (never more than she asked)
 * @param changes every decision that changed something, or held something back, with its rule
 */
public record LearnedWeek(LocalDate weekStart, Instant decidedAt, Map<String, Prescription> prescriptions,
		Map<ExerciseId, LocalDate> leftOut, int minutesPerSession, int sessionsPerWeek, List<Change> changes) {

	public LearnedWeek {
		Objects.requireNonNull(weekStart, "weekStart");
		Objects.requireNonNull(decidedAt, "decidedAt");
		prescriptions = Map.copyOf(prescriptions);
		leftOut = Map.copyOf(leftOut);
		changes = List.copyOf(changes);
	}

	/** @param setDelta sets more (positive) or fewer (negative) than the exercise's file gives */
	public record Prescription(ExerciseId exercise, int setDelta) {

		public Prescription {
			Objects.requireNonNull(exercise, "exercise");
		}

	}

	/** What a change did. */
	public enum Step {

		/** The harder variant of the family. */
		HARDER,
		/** One more set. */
		MORE_SETS,
		/** The easier variant of the family. */
		EASIER,
		/** One set fewer. */
		FEWER_SETS,
		/** Left out for a while. */
		LEFT_OUT,
		/** Held as it was (said when a signal asked for a step the rules or the engine do not allow). */
		HELD,
		/** Back to the sets the rule book allows her now (her week or her pain changed). */
		SETS_LIMITED,
		/** The variant she had is not one for her now, and the family has no easier one she may do: the plan chooses. */
		CHOSEN_AGAIN,
		/** 5 more minutes a session. */
		MORE_MINUTES,
		/** One more session a week. */
		MORE_SESSIONS,
		/** The plan's size held below what she asked for. */
		SIZE_HELD

	}

	/**
	 * @param from the exercise as it was (null for a change to the plan's size)
	 * @param to the exercise as it is now, when the change replaced it
	 */
	public record Change(LearningRule rule, Step step, @Nullable ExerciseId from, @Nullable ExerciseId to) {

		public Change {
			Objects.requireNonNull(rule, "rule");
			Objects.requireNonNull(step, "step");
		}

		/** A change to the plan's size rather than to an exercise. */
		public boolean aboutTheSize() {
			return from == null;
		}

	}

}
