package org.carrywell.illustration;

import static org.carrywell.illustration.Skeleton.Point.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Angle;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.Keyframe;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Poses;
import org.carrywell.catalogue.Poses.View;
import org.carrywell.catalogue.Prop;
import org.carrywell.catalogue.Trimester;
import org.carrywell.illustration.Skeleton.Point;

/**
 * An exercise's figure set down in the world: each pose is lowered until it rests on the floor (or sits on
 * its chair, ball or bike), and slid so that what touched the floor in the start position stays where it
 * was — feet do not skate while she squats. Heights are in figure units above the floor.
 */
final class Scene {

	static final double CHAIR_SEAT = 20, BALL_TOP = 27, BIKE_SEAT = 37, CHAIR_BACK_TOP = 50;

	static final double HEAD_PILLOW = 7, HIP_CUSHION = 5;

	/** How close to its support a point must be to count as touching it. */
	static final double TOUCH = 1.5;

	/** The points that can rest on something, and how far their drawn edge lies from them. */
	static final Map<Point, Double> RESTING = restingPoints();

	private final Exercise exercise;

	private final View view;

	private final Trimester trimester;

	private final List<Pose> keyframes;

	private final Skeleton start;

	/** Which hand holds a chair beside her: chosen in the start position, kept through the movement. */
	private @Nullable Boolean holdingWithLeft;

	Scene(Exercise exercise, Trimester trimester) {
		this.exercise = exercise;
		this.view = exercise.poses().view();
		this.trimester = trimester;
		var fitted = new ArrayList<Pose>();
		Skeleton first = null;
		for (Keyframe keyframe : exercise.poses().keyframes()) {
			Pose pose = Presets.resolve(exercise.position(), keyframe);
			Vec3 chair = first == null ? null : holdingHand(first);
			pose = Solver.fit(pose, keyframe.angles().keySet(), candidate -> restingCost(candidate, chair),
					holdingArms());
			fitted.add(pose);
			if (first == null) {
				first = place(pose, sitting(pose), null);
				holdingWithLeft = holdingHand(first) == first.get(LEFT_FINGERS);
			}
		}
		this.keyframes = List.copyOf(fitted);
		this.start = first;
	}

	/**
	 * How far a pose is from resting as its position says: the squared gap of each part that must touch,
	 * and of a hand from the chair's back it holds ({@code chair}: where the start position held it).
	 */
	private double restingCost(Pose pose, @Nullable Vec3 chair) {
		Skeleton skeleton = place(pose, sitting(pose), null);
		double cost = 0;
		if (!exercise.poses().has(Prop.BIKE)) {
			for (Point[] group : Solver.RESTING_PARTS.get(pose.position())) {
				double lowest = Double.MAX_VALUE;
				for (Point point : group) {
					lowest = Math.min(lowest, gap(skeleton, point));
				}
				cost += lowest * lowest;
			}
		}
		if (!holdingArms().isEmpty()) {
			Vec3 hand = holdingHand(skeleton);
			if (chair == null || Math.abs(hand.x() - chair.x()) <= 8) {
				double off = hand.y() - CHAIR_BACK_TOP;
				cost += off * off;
			}
		}
		return cost;
	}

	/** The arms that may move to hold a chair's back. */
	private List<Angle[]> holdingArms() {
		if (exercise.poses().has(Prop.CHAIR_AHEAD) || exercise.poses().has(Prop.CHAIR_BESIDE)) {
			return List.<Angle[]>of(new Angle[] { Angle.LEFT_ARM_RAISE, Angle.RIGHT_ARM_RAISE });
		}
		return List.of();
	}

	/** The hand on the chair: the one furthest ahead (side view) or furthest out to the side (front view). */
	Vec3 holdingHand(Skeleton skeleton) {
		Vec3 left = skeleton.get(LEFT_FINGERS);
		Vec3 right = skeleton.get(RIGHT_FINGERS);
		if (!view.facesViewer()) {
			return left.x() > right.x() ? left : right;
		}
		if (holdingWithLeft != null) {
			return holdingWithLeft ? left : right;
		}
		double centre = skeleton.get(PELVIS).x();
		return Math.abs(left.x() - centre) > Math.abs(right.x() - centre) ? left : right;
	}

	Exercise exercise() {
		return exercise;
	}

	View view() {
		return view;
	}

	List<Pose> keyframes() {
		return keyframes;
	}

	Skeleton start() {
		return start;
	}

	Poses poses() {
		return exercise.poses();
	}

	/** The keyframe's figure, set down. */
	Skeleton keyframe(int index) {
		return between(index, index, 0);
	}

	/** The figure a fraction {@code t} of the way from keyframe {@code from} to keyframe {@code to}. */
	Skeleton between(int from, int to, double t) {
		Pose a = keyframes.get(from);
		Pose b = keyframes.get(to);
		Pose pose = a.toward(b, t);
		return place(pose, sitting(a) && sitting(b), start);
	}

	/** The seat height she sits at in this pose, if she sits on a chair, ball or bike rather than the floor. */
	@Nullable Double seat(Pose pose) {
		Position position = pose.position();
		var props = exercise.poses().props();
		if (position == Position.SEATED_CHAIR && props.contains(Prop.BIKE)) {
			return BIKE_SEAT;
		}
		if (position == Position.SEATED_CHAIR && props.contains(Prop.CHAIR)) {
			return CHAIR_SEAT;
		}
		if (position == Position.SEATED_BALL && props.contains(Prop.BALL)) {
			return BALL_TOP;
		}
		return null;
	}

	private boolean sitting(Pose pose) {
		return seat(pose) != null;
	}

	/** How high the support under a point is: a pillow under the head, a cushion under the seat, else the floor. */
	double support(Point point) {
		Set<Prop> props = exercise.poses().props();
		if (point == HEAD && props.contains(Prop.PILLOW_HEAD)) {
			return HEAD_PILLOW;
		}
		if ((point == PELVIS_BOTTOM || point == LEFT_HIP_CORNER || point == RIGHT_HIP_CORNER)
				&& props.contains(Prop.PILLOW_HIPS)) {
			return HIP_CUSHION;
		}
		return 0;
	}

	/** How far above its support the drawn edge of the point is: 0 when it rests there. */
	double gap(Skeleton skeleton, Point point) {
		return skeleton.get(point).y() - radius(skeleton, point) - support(point);
	}

	double radius(Skeleton skeleton, Point point) {
		return point == BUMP ? skeleton.bumpRadius() : RESTING.getOrDefault(point, 0.0);
	}

	boolean touches(Skeleton skeleton, Point point) {
		return gap(skeleton, point) <= TOUCH;
	}

	private Skeleton place(Pose pose, boolean onSeat, @Nullable Skeleton reference) {
		Skeleton raw = Skeleton.of(pose, view, trimester);
		Double seat = seat(pose);
		double lift;
		if (onSeat && seat != null) {
			lift = seat - raw.get(PELVIS_BOTTOM).y();
		}
		else {
			double lowest = Double.MAX_VALUE;
			for (Point point : RESTING.keySet()) {
				lowest = Math.min(lowest, gap(raw, point));
			}
			lift = -lowest;
		}
		Skeleton lifted = raw.moved(point -> point.plus(new Vec3(0, lift, 0))).bumpResting();
		if (reference == null) {
			return lifted;
		}
		// Slide it so that whatever rested in the start position and still rests stays put.
		double dx = 0;
		double dz = 0;
		int count = 0;
		for (Point point : RESTING.keySet()) {
			if (touches(reference, point) && touches(lifted, point)) {
				dx += reference.get(point).x() - lifted.get(point).x();
				dz += reference.get(point).z() - lifted.get(point).z();
				count++;
			}
		}
		if (count == 0) {
			dx = reference.get(PELVIS).x() - lifted.get(PELVIS).x();
			dz = reference.get(PELVIS).z() - lifted.get(PELVIS).z();
			count = 1;
		}
		Vec3 slide = new Vec3(dx / count, 0, dz / count);
		if (exercise.poses().has(Prop.WALL_BEHIND)) {
			// Against a wall, the back stays on the wall rather than the feet on their spot.
			slide = new Vec3(back(reference) - back(lifted), 0, 0);
		}
		Vec3 by = slide;
		return lifted.moved(point -> point.plus(by));
	}

	private static Map<Point, Double> restingPoints() {
		var points = new EnumMap<Point, Double>(Point.class);
		for (Point point : List.of(LEFT_ANKLE, LEFT_TOE, RIGHT_ANKLE, RIGHT_TOE, LEFT_KNEE, RIGHT_KNEE)) {
			points.put(point, Skeleton.LEG_RADIUS);
		}
		for (Point point : List.of(LEFT_WRIST, LEFT_FINGERS, RIGHT_WRIST, RIGHT_FINGERS, LEFT_ELBOW, RIGHT_ELBOW,
				LEFT_SHOULDER, RIGHT_SHOULDER)) {
			points.put(point, Skeleton.ARM_RADIUS);
		}
		for (Point point : List.of(LEFT_HIP_CORNER, RIGHT_HIP_CORNER, LEFT_WAIST_CORNER, RIGHT_WAIST_CORNER,
				LEFT_SHOULDER_CORNER, RIGHT_SHOULDER_CORNER)) {
			points.put(point, Skeleton.TORSO_RADIUS);
		}
		points.put(PELVIS_BOTTOM, 0.0);
		points.put(HEAD, Skeleton.HEAD_RADIUS);
		return points;
	}

	/** The rearmost point of the torso's drawn edge, in a side view (she faces right). */
	private static double back(Skeleton skeleton) {
		double back = Double.MAX_VALUE;
		for (Point corner : List.of(LEFT_HIP_CORNER, RIGHT_HIP_CORNER, LEFT_WAIST_CORNER, RIGHT_WAIST_CORNER,
				LEFT_SHOULDER_CORNER, RIGHT_SHOULDER_CORNER)) {
			back = Math.min(back, skeleton.get(corner).x() - Skeleton.TORSO_RADIUS);
		}
		return back;
	}

	/** Every point the figure is drawn through, for bounds. */
	static List<Point> drawnPoints() {
		var points = new ArrayList<>(RESTING.keySet());
		points.add(BUMP);
		return points;
	}

}
