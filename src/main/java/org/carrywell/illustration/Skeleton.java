package org.carrywell.illustration;

import static org.carrywell.catalogue.Angle.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.carrywell.catalogue.Poses.View;
import org.carrywell.catalogue.Trimester;

/**
 * The figure's joints in 3D for one pose: forward kinematics from the pelvis out. Proportions follow an
 * average adult (about 97 units tall standing, so a unit is about 1.7 cm); the bump grows with the trimester.
 */
final class Skeleton {

	enum Point {

		PELVIS, PELVIS_BOTTOM, WAIST, NECK, HEAD, HAIR, BUMP,
		LEFT_HIP_CORNER, LEFT_WAIST_CORNER, LEFT_SHOULDER_CORNER, RIGHT_HIP_CORNER, RIGHT_WAIST_CORNER,
		RIGHT_SHOULDER_CORNER,
		LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, LEFT_TOE, RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE, RIGHT_TOE,
		LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST, LEFT_FINGERS, RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST, RIGHT_FINGERS

	}

	static final double THIGH = 23, SHIN = 22, FOOT = 8, UPPER_ARM = 16, FOREARM = 14, HAND = 5;

	static final double LOWER_TRUNK = 14, UPPER_TRUNK = 19, NECK_TO_HEAD = 8.5;

	/** Half the thickness of each drawn part: what touches the floor first. */
	static final double TORSO_RADIUS = 7.5, LEG_RADIUS = 4, ARM_RADIUS = 3, HEAD_RADIUS = 6.5, HAIR_RADIUS = 5.5;

	private final Map<Point, Vec3> points = new EnumMap<>(Point.class);

	private final double bumpRadius;

	private Skeleton(double bumpRadius) {
		this.bumpRadius = bumpRadius;
	}

	static double bumpRadius(Trimester trimester) {
		return switch (trimester) {
			case FIRST -> 4.5;
			case SECOND -> 7.5;
			case THIRD -> 10;
		};
	}

	static Skeleton of(Pose pose, View view, Trimester trimester) {
		var skeleton = new Skeleton(bumpRadius(trimester) * (1 + 0.06 * pose.breath()));
		skeleton.build(pose, view);
		return skeleton;
	}

	Vec3 get(Point point) {
		return points.get(point);
	}

	double bumpRadius() {
		return bumpRadius;
	}

	/** The same skeleton with every point moved, as when it is set down on the floor. */
	Skeleton moved(UnaryOperator<Vec3> move) {
		var moved = new Skeleton(bumpRadius);
		points.forEach((point, at) -> moved.points.put(point, move.apply(at)));
		return moved;
	}

	/**
	 * The same skeleton with a bump that would reach below the floor resting on it instead: a bump is soft,
	 * and between wide knees it settles on the floor rather than lifting the body.
	 */
	Skeleton bumpResting() {
		Vec3 bump = points.get(Point.BUMP);
		if (bump.y() >= bumpRadius) {
			return this;
		}
		var rested = moved(point -> point);
		rested.points.put(Point.BUMP, new Vec3(bump.x(), bumpRadius, bump.z()));
		return rested;
	}

	private void build(Pose pose, View view) {
		Frame world = !view.facesViewer() ? new Frame(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1))
				: new Frame(new Vec3(0, 0, 1), new Vec3(0, 1, 0), new Vec3(-1, 0, 0));
		Frame pelvis = world.pitch(pose.get(BODY_PITCH)).roll(pose.get(BODY_ROLL));
		// A full breath lifts and opens the chest a little.
		double bend = pose.get(TRUNK_BEND) - 4 * pose.breath();
		Frame lower = pelvis.pitch(bend / 2).roll(pose.get(TRUNK_SIDE) / 2).yaw(pose.get(TRUNK_TWIST) / 2);
		Frame upper = lower.pitch(bend / 2).roll(pose.get(TRUNK_SIDE) / 2).yaw(pose.get(TRUNK_TWIST) / 2);
		Frame head = upper.pitch(pose.get(NECK_BEND)).roll(pose.get(NECK_SIDE)).yaw(pose.get(NECK_TURN));

		Vec3 centre = Vec3.ZERO;
		Vec3 waist = centre.along(lower.up(), LOWER_TRUNK);
		Vec3 neck = waist.along(upper.up(), UPPER_TRUNK);
		Vec3 shoulders = neck.along(upper.up(), -3.5 + 0.12 * pose.get(SHOULDERS_LIFT))
			.along(upper.front(), -0.1 * pose.get(SHOULDERS_BACK));
		put(Point.PELVIS, centre);
		// The underside of the drawn pelvis: what sits on a chair or the floor.
		put(Point.PELVIS_BOTTOM, centre.along(pelvis.up(), -2 - TORSO_RADIUS));
		put(Point.WAIST, waist);
		put(Point.NECK, neck);
		Vec3 headCentre = neck.along(head.up(), NECK_TO_HEAD).along(head.front(), 0.5);
		put(Point.HEAD, headCentre);
		put(Point.HAIR, headCentre.along(head.front(), -2.5).along(head.up(), 1.5));
		put(Point.BUMP, centre.along(lower.up(), 7).along(lower.front(), 5 + 0.55 * bumpRadius));
		for (int side : new int[] { -1, 1 }) {
			boolean right = side > 0;
			put(right ? Point.RIGHT_HIP_CORNER : Point.LEFT_HIP_CORNER,
					centre.along(pelvis.right(), 6.5 * side).along(pelvis.up(), -2));
			// A full breath widens the ribs, which shows from the front.
			put(right ? Point.RIGHT_WAIST_CORNER : Point.LEFT_WAIST_CORNER,
					waist.along(lower.right(), 5.5 * (1 + 0.25 * pose.breath()) * side));
			put(right ? Point.RIGHT_SHOULDER_CORNER : Point.LEFT_SHOULDER_CORNER,
					shoulders.along(upper.up(), 0.5).along(upper.right(), 6 * side));
			Vec3 hip = centre.along(pelvis.right(), 6 * side).along(pelvis.up(), -2);
			limb(hip, pelvis, side, pose, true);
			limb(shoulders.along(upper.right(), 11 * side), upper, side, pose, false);
		}
	}

	/** A leg or an arm: root, middle joint, end joint and tip, each segment turned from its parent's frame. */
	private void limb(Vec3 root, Frame parent, int side, Pose pose, boolean leg) {
		boolean right = side > 0;
		double raise = pose.get(leg ? (right ? RIGHT_LEG_RAISE : LEFT_LEG_RAISE) : (right ? RIGHT_ARM_RAISE : LEFT_ARM_RAISE));
		double direction = pose.get(leg ? (right ? RIGHT_LEG_DIRECTION : LEFT_LEG_DIRECTION)
				: (right ? RIGHT_ARM_DIRECTION : LEFT_ARM_DIRECTION));
		double turn = pose.get(leg ? (right ? RIGHT_LEG_TURN : LEFT_LEG_TURN) : (right ? RIGHT_ARM_TURN : LEFT_ARM_TURN));
		double bend = pose.get(leg ? (right ? RIGHT_LEG_KNEE : LEFT_LEG_KNEE) : (right ? RIGHT_ARM_ELBOW : LEFT_ARM_ELBOW));
		double end = pose.get(leg ? (right ? RIGHT_LEG_ANKLE : LEFT_LEG_ANKLE) : (right ? RIGHT_ARM_WRIST : LEFT_ARM_WRIST));

		Vec3 outward = parent.right().times(side);
		Vec3 down = parent.up().times(-1);
		Vec3 heading = Vec3.turn(parent.front(), outward, direction);
		Vec3 along = Vec3.turn(down, heading, raise);
		// The limb's front turns with it: the part of the parent's front that lay along the heading is lifted too.
		double share = Math.cos(Math.toRadians(direction));
		Vec3 front = parent.front().minus(heading.times(share)).plus(Vec3.turn(heading, parent.up(), raise).times(share));
		Vec3 outwardTurn = along.cross(front).times(side);
		front = Vec3.turn(front, outwardTurn, turn);

		Vec3 lower;
		Vec3 lowerFront;
		if (leg) {
			lower = Vec3.turn(along, front.times(-1), bend);
			lowerFront = Vec3.turn(front, along, bend);
		}
		else {
			lower = Vec3.turn(along, front, bend);
			lowerFront = Vec3.turn(front, along.times(-1), bend);
		}
		Vec3 tip = leg ? Vec3.turn(lowerFront, lower, end) : Vec3.turn(lower, lowerFront, end);

		Vec3 middle = root.along(along, leg ? THIGH : UPPER_ARM);
		Vec3 endJoint = middle.along(lower, leg ? SHIN : FOREARM);
		if (leg) {
			put(right ? Point.RIGHT_HIP : Point.LEFT_HIP, root);
			put(right ? Point.RIGHT_KNEE : Point.LEFT_KNEE, middle);
			put(right ? Point.RIGHT_ANKLE : Point.LEFT_ANKLE, endJoint);
			put(right ? Point.RIGHT_TOE : Point.LEFT_TOE, endJoint.along(tip, FOOT));
		}
		else {
			put(right ? Point.RIGHT_SHOULDER : Point.LEFT_SHOULDER, root);
			put(right ? Point.RIGHT_ELBOW : Point.LEFT_ELBOW, middle);
			put(right ? Point.RIGHT_WRIST : Point.LEFT_WRIST, endJoint);
			put(right ? Point.RIGHT_FINGERS : Point.LEFT_FINGERS, endJoint.along(tip, HAND));
		}
	}

	private void put(Point point, Vec3 at) {
		points.put(point, at);
	}

}
