package org.carrywell.illustration;

import java.util.ArrayList;
import java.util.List;

import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.Exercise;

/**
 * When the figure is in which keyframe during one loop of the animation, from the exercise's dose: a
 * repetition moves through the keyframes on the out-breath (half the tempo), holds as long as the dose says,
 * and comes back on the in-breath; a breath opens on the in-breath and settles on the out-breath; a held
 * stretch eases in, stays, and eases out; continuous work loops through its keyframes.
 *
 * @param forward seconds from the first keyframe to the last
 * @param hold seconds held in the last keyframe
 * @param back seconds from the last keyframe back to the first
 * @param continuous whether the loop simply goes round, each keyframe to the next (walking, flows)
 */
record Motion(List<Segment> segments, double forward, double hold, double back, boolean continuous) {

	/** A move from one keyframe to another, or a hold when both are the same. */
	record Segment(int from, int to, double seconds) {

		boolean isHold() {
			return from == to;
		}

	}

	static final double STRETCH_EASE_SECONDS = 3, STRETCH_HOLD_SECONDS = 4;

	static Motion of(Exercise exercise) {
		int keyframes = exercise.poses().keyframes().size();
		Dose dose = exercise.dose();
		return switch (dose.kind()) {
			case REPS -> oneWayAndBack(keyframes, dose.secondsPerRep() / 2.0,
					dose.holdSeconds() == null ? 0 : dose.holdSeconds(), dose.secondsPerRep() / 2.0);
			case BREATHS -> oneWayAndBack(keyframes, dose.secondsPerRep() / 2.0, 0, dose.secondsPerRep() / 2.0);
			case HOLD -> oneWayAndBack(keyframes, STRETCH_EASE_SECONDS, STRETCH_HOLD_SECONDS, STRETCH_EASE_SECONDS);
			case MINUTES -> exercise.category() == Category.CARDIO ? roundAndRound(keyframes, 0.45, 0)
					: roundAndRound(keyframes, 3, 2);
		};
	}

	private static Motion oneWayAndBack(int keyframes, double forward, double hold, double back) {
		var segments = new ArrayList<Segment>();
		for (int i = 0; i + 1 < keyframes; i++) {
			segments.add(new Segment(i, i + 1, forward / (keyframes - 1)));
		}
		if (hold > 0) {
			segments.add(new Segment(keyframes - 1, keyframes - 1, hold));
		}
		segments.add(new Segment(keyframes - 1, 0, back));
		return new Motion(segments, forward, hold, back, false);
	}

	private static Motion roundAndRound(int keyframes, double move, double hold) {
		var segments = new ArrayList<Segment>();
		for (int i = 0; i < keyframes; i++) {
			if (hold > 0) {
				segments.add(new Segment(i, i, hold));
			}
			segments.add(new Segment(i, (i + 1) % keyframes, move));
		}
		return new Motion(segments, move * (keyframes - 1) + hold * keyframes, 0, move, true);
	}

	double seconds() {
		return segments.stream().mapToDouble(Segment::seconds).sum();
	}

	/** Eases in and out: slow at each keyframe, quicker between. */
	static double ease(double t) {
		return t * t * (3 - 2 * t);
	}

}
