package org.carrywell.planning;

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
		sessions = sessions.stream().sorted(Comparator.comparing(SessionOutcome::day)).toList();
		pain = pain.stream().sorted(Comparator.comparing(PainReading::day)).toList();
	}

	/**
	 * One session.
	 *
	 * @param felt how hard it felt, if she said
	 * @param done the exercises she did (made easier ones under the variant she switched to)
	 * @param madeEasier the exercises she switched to their easier variant during the session
	 * @param painful the exercises she marked as painful
	 */
	public record SessionOutcome(LocalDate day, @Nullable Integer painBefore, @Nullable Integer painAfter,
			@Nullable Feedback felt, List<ExerciseId> done, List<ExerciseId> madeEasier, List<ExerciseId> painful) {

		public SessionOutcome {
			Objects.requireNonNull(day, "day");
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
