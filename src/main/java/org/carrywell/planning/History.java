package org.carrywell.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.ExerciseId;
import org.carrywell.planning.PlanAdjustment.Feedback;

/**
 * What happened, as the learning rules read it: her sessions and her pain readings, each oldest first.
 *
 * @param sessions her finished or stopped sessions
 * @param pain her worst pain on a day (from the diary, or from before a session when she kept no diary that day)
 */
public record History(List<SessionOutcome> sessions, List<PainReading> pain) {

	public static final History NONE = new History(List.of(), List.of());

	public History {
		// Oldest first; two sessions that ended at the same moment in an order of their own, so the input's order
		// never changes a decision.
		sessions = sessions.stream()
			.sorted(Comparator.comparing(SessionOutcome::endedAt)
				.thenComparing(SessionOutcome::day)
				.thenComparing(session -> session.done().toString())
				.thenComparing(session -> String.valueOf(session.felt())))
			.toList();
		pain = pain.stream().sorted(Comparator.comparing(PainReading::day)).toList();
	}

	/**
	 * One session.
	 *
	 * @param day the day she did it, in her time
	 * @param endedAt when it ended, by her device's clock: the order of her sessions
	 * @param knownAt when her account received it: a week's decisions learn only from sessions received after the
	 * week before's were made (a session done offline counts when it arrives, not when it was done)
	 * @param felt how hard it felt, if she said
	 * @param done the exercises she did (made easier ones under the variant she switched to)
	 * @param madeEasier the exercises she switched to their easier variant during the session
	 * @param painful the exercises she marked as painful
	 * @param ofHerPlan a day of her plan (not a single exercise from the library): what "every session" counts
	 * @param warningSigns she ticked a warning sign afterwards: nothing gets harder or bigger after that
	 */
	public record SessionOutcome(LocalDate day, Instant endedAt, Instant knownAt, @Nullable Integer painBefore,
			@Nullable Integer painAfter, @Nullable Feedback felt, List<ExerciseId> done, List<ExerciseId> madeEasier,
			List<ExerciseId> painful, boolean ofHerPlan, boolean warningSigns) {

		public SessionOutcome {
			Objects.requireNonNull(day, "day");
			Objects.requireNonNull(endedAt, "endedAt");
			Objects.requireNonNull(knownAt, "knownAt");
			done = List.copyOf(done);
			madeEasier = List.copyOf(madeEasier);
			painful = List.copyOf(painful);
		}

		/** Pain after minus pain before, when she gave both. */
		@Nullable Integer painRise() {
			return painBefore == null || painAfter == null ? null : painAfter - painBefore;
		}

	}

	/** @param worst her worst pain that day, 0–10 */
	public record PainReading(LocalDate day, int worst) {

		public PainReading {
			Objects.requireNonNull(day, "day");
			if (worst < 0 || worst > 10) {
				throw new IllegalArgumentException("pain must be 0 to 10, was " + worst);
			}
		}

	}

}
