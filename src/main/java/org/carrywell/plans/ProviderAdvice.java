package org.carrywell.plans;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.ExerciseId;
import org.carrywell.planning.PlanRequest;

/**
 * What the people she shares her plan with asked of it: exercises pinned or left out, a longest session, notes for
 * her. The module that keeps them (sharing) provides this; without it, nobody has asked anything. Her own plan is
 * made with it wherever it is made (page, session, calendar, API), and the safety engine still has the last word.
 */
public interface ProviderAdvice {

	/** Everything still in force for her (not undone), oldest first. */
	Advice of(UUID member);

	enum Kind {

		/** Keep this exercise in her sessions, when the safety rules allow it. */
		PIN,
		/** Leave this exercise out, for the reason given. */
		EXCLUDE,
		/** No session longer than this many minutes. */
		MAX_MINUTES,
		/** Words for her, nothing in the plan changes. */
		NOTE

	}

	/**
	 * @param by the person, as she named them ("Midwife Anna")
	 * @param message the reason for an exclusion, or the note; may be empty for a pin or a cap
	 */
	record Adjustment(long id, Kind kind, String by, @Nullable ExerciseId exercise, @Nullable Integer minutes,
			String message, Instant madeAt) {

		public Adjustment {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(by, "by");
			Objects.requireNonNull(message, "message");
		}

	}

	record Advice(List<Adjustment> adjustments) {

		public static final Advice NONE = new Advice(List.of());

		public Advice {
			adjustments = List.copyOf(adjustments);
		}

		public boolean isEmpty() {
			return adjustments.isEmpty();
		}

		public Set<ExerciseId> pinned() {
			return exercises(Kind.PIN);
		}

		public Set<ExerciseId> excluded() {
			return exercises(Kind.EXCLUDE);
		}

		/** The lowest cap anyone set, if any did. */
		public Optional<Adjustment> maxMinutes() {
			return adjustments.stream()
				.filter(adjustment -> adjustment.kind() == Kind.MAX_MINUTES && adjustment.minutes() != null)
				.min(Comparator.comparing(Adjustment::minutes));
		}

		/** Why an exercise is left out, when someone asked for it (the latest word on it). */
		public Optional<Adjustment> exclusionOf(ExerciseId exercise) {
			return adjustments.stream()
				.filter(adjustment -> adjustment.kind() == Kind.EXCLUDE && exercise.equals(adjustment.exercise()))
				.reduce((first, second) -> second);
		}

		/** Her request with this advice: see {@link PlanRequest#advisedBy}. */
		public PlanRequest applyTo(PlanRequest request) {
			if (isEmpty()) {
				return request;
			}
			return request.advisedBy(pinned(), excluded(),
					maxMinutes().map(Adjustment::minutes).orElse(null));
		}

		private Set<ExerciseId> exercises(Kind kind) {
			var ids = new LinkedHashSet<ExerciseId>();
			adjustments.stream()
				.filter(adjustment -> adjustment.kind() == kind && adjustment.exercise() != null)
				.forEach(adjustment -> ids.add(adjustment.exercise()));
			return ids;
		}

	}

}
