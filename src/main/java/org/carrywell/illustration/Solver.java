package org.carrywell.illustration;

import static org.carrywell.catalogue.Angle.*;
import static org.carrywell.illustration.Skeleton.Point.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import org.carrywell.catalogue.Angle;
import org.carrywell.catalogue.Position;
import org.carrywell.illustration.Skeleton.Point;

/**
 * Fits the angles a keyframe leaves open so that the figure rests where its position says: on all fours
 * the arms and thighs settle until both hands and both knees reach the floor, on a chair the knees bend
 * until the feet are flat, a hand holding a chair finds its back. Angles the keyframe sets are never
 * changed. A plain coordinate descent with shrinking steps, inside each angle's range: a handful of
 * angles, a few hundred figures, well under a millisecond.
 */
final class Solver {

	/** The parts that must rest on something in each position, as groups of which one point must touch. */
	static final Map<Position, List<Point[]>> RESTING_PARTS = Map.ofEntries(
			Map.entry(Position.STANDING, groups(feet())), Map.entry(Position.WALL_SUPPORTED, groups(feet())),
			Map.entry(Position.SEATED_CHAIR, groups(feet())), Map.entry(Position.SEATED_BALL, groups(feet())),
			Map.entry(Position.SEATED_FLOOR, groups(new Point[] { PELVIS_BOTTOM })),
			Map.entry(Position.KNEELING, groups(knees())), Map.entry(Position.HALF_KNEELING, groups(knees(), feet())),
			Map.entry(Position.ALL_FOURS, groups(knees(), hands())),
			Map.entry(Position.SIDE_LYING,
					groups(new Point[] { LEFT_HIP_CORNER, RIGHT_HIP_CORNER, LEFT_WAIST_CORNER, RIGHT_WAIST_CORNER })),
			Map.entry(Position.SEMI_RECLINED, groups(new Point[] { PELVIS_BOTTOM, LEFT_HIP_CORNER, RIGHT_HIP_CORNER })),
			Map.entry(Position.SUPINE, groups(new Point[] { LEFT_SHOULDER_CORNER, RIGHT_SHOULDER_CORNER, HEAD }, feet())),
			Map.entry(Position.PRONE, groups(new Point[] { LEFT_WAIST_CORNER, RIGHT_WAIST_CORNER })));

	/** The angles, in left–right pairs, that may move to reach the floor in each position. */
	private static final Map<Position, List<Angle[]>> FREE = Map.of(
			Position.ALL_FOURS, List.of(pair(LEFT_ARM_RAISE, RIGHT_ARM_RAISE), pair(LEFT_LEG_RAISE, RIGHT_LEG_RAISE)),
			Position.SEATED_CHAIR, pairs(pair(LEFT_LEG_KNEE, RIGHT_LEG_KNEE)),
			Position.SEATED_BALL, pairs(pair(LEFT_LEG_KNEE, RIGHT_LEG_KNEE)),
			Position.SEATED_FLOOR, pairs(pair(LEFT_LEG_RAISE, RIGHT_LEG_RAISE)),
			Position.KNEELING, List.of(pair(LEFT_LEG_RAISE, RIGHT_LEG_RAISE), pair(LEFT_LEG_KNEE, RIGHT_LEG_KNEE),
					pair(LEFT_ARM_RAISE, RIGHT_ARM_RAISE)),
			Position.HALF_KNEELING, List.of(pair(LEFT_LEG_RAISE), pair(RIGHT_LEG_RAISE), pair(LEFT_LEG_KNEE),
					pair(RIGHT_LEG_KNEE)),
			Position.SUPINE, List.of(pair(LEFT_LEG_RAISE, RIGHT_LEG_RAISE), pair(LEFT_LEG_KNEE, RIGHT_LEG_KNEE)),
			Position.SEMI_RECLINED,
					List.of(pair(LEFT_LEG_RAISE, RIGHT_LEG_RAISE), pair(LEFT_LEG_KNEE, RIGHT_LEG_KNEE)));

	private static final double STAY_NEAR = 0.0002;

	private static final double[] STEPS = { 16, 8, 4, 2, 1, 0.5, 0.25 };

	private Solver() {
	}

	/**
	 * @param fixed the angles the keyframe set, which stay as they are
	 * @param cost how far the placed figure is from resting as it should: 0 when it does
	 * @param extra more angles that may move, for what else the cost asks (a hand on a chair's back)
	 */
	static Pose fit(Pose pose, Set<Angle> fixed, ToDoubleFunction<Pose> cost, List<Angle[]> extra) {
		var free = new ArrayList<Angle[]>();
		var candidates = new ArrayList<>(FREE.getOrDefault(pose.position(), List.of()));
		candidates.addAll(extra);
		for (Angle[] group : candidates) {
			Angle[] open = Arrays.stream(group).filter(angle -> !fixed.contains(angle)).toArray(Angle[]::new);
			if (open.length > 0) {
				free.add(open);
			}
		}
		// Among the many poses that rest as they should (a lower body on longer-bent limbs), prefer the one
		// nearest the position's natural pose: each degree away costs a little.
		ToDoubleFunction<Pose> total = candidate -> cost.applyAsDouble(candidate)
				+ STAY_NEAR * squaredChange(pose, candidate, free);
		Pose best = pose;
		double bestCost = total.applyAsDouble(pose);
		for (double step : STEPS) {
			boolean improved = true;
			for (int round = 0; improved && round < 40; round++) {
				improved = false;
				for (Angle[] group : free) {
					for (int sign : new int[] { 1, -1 }) {
						Pose candidate = moved(best, group, sign * step);
						double candidateCost = total.applyAsDouble(candidate);
						if (candidateCost < bestCost - 1e-9) {
							best = candidate;
							bestCost = candidateCost;
							improved = true;
						}
					}
				}
			}
		}
		return best;
	}

	private static double squaredChange(Pose from, Pose to, List<Angle[]> free) {
		double sum = 0;
		for (Angle[] group : free) {
			double change = to.get(group[0]) - from.get(group[0]);
			sum += change * change;
		}
		return sum;
	}

	private static Pose moved(Pose pose, Angle[] group, double degrees) {
		double[] angles = pose.angles();
		for (Angle angle : group) {
			double value = angles[angle.ordinal()] + degrees;
			angles[angle.ordinal()] = Math.max(angle.min(), Math.min(angle.max(), value));
		}
		return new Pose(pose.position(), angles, pose.breath());
	}

	private static List<Point[]> groups(Point[]... groups) {
		return List.of(groups);
	}

	private static List<Angle[]> pairs(Angle[]... pairs) {
		return List.of(pairs);
	}

	private static Angle[] pair(Angle... angles) {
		return angles;
	}

	private static Point[] feet() {
		return new Point[] { LEFT_ANKLE, LEFT_TOE, RIGHT_ANKLE, RIGHT_TOE };
	}

	private static Point[] knees() {
		return new Point[] { LEFT_KNEE, RIGHT_KNEE };
	}

	private static Point[] hands() {
		return new Point[] { LEFT_WRIST, LEFT_FINGERS, RIGHT_WRIST, RIGHT_FINGERS };
	}

}
