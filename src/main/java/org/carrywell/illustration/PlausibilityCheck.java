package org.carrywell.illustration;

import static org.carrywell.illustration.Skeleton.Point.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.carrywell.catalogue.Angle;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Prop;
import org.carrywell.catalogue.Trimester;
import org.carrywell.illustration.Skeleton.Point;

/**
 * Whether an exercise's drawing is a body that could hold the pose: every joint inside its range, limbs the
 * right length and joined to the body, the bump there, resting on the floor or its prop as its position
 * says, never through the floor, and inside the picture. Run on every exercise at start-up and by the tests.
 */
public final class PlausibilityCheck {

	/** One thing wrong with a drawing, with the field of the exercise file it comes from. */
	public record Problem(String field, String message) {
	}

	private static final Map<Point[], double[]> SEGMENTS = Map.of(
			new Point[] { LEFT_HIP, LEFT_KNEE, LEFT_ANKLE, LEFT_TOE },
			new double[] { Skeleton.THIGH, Skeleton.SHIN, Skeleton.FOOT },
			new Point[] { RIGHT_HIP, RIGHT_KNEE, RIGHT_ANKLE, RIGHT_TOE },
			new double[] { Skeleton.THIGH, Skeleton.SHIN, Skeleton.FOOT },
			new Point[] { LEFT_SHOULDER, LEFT_ELBOW, LEFT_WRIST, LEFT_FINGERS },
			new double[] { Skeleton.UPPER_ARM, Skeleton.FOREARM, Skeleton.HAND },
			new Point[] { RIGHT_SHOULDER, RIGHT_ELBOW, RIGHT_WRIST, RIGHT_FINGERS },
			new double[] { Skeleton.UPPER_ARM, Skeleton.FOREARM, Skeleton.HAND });

	private PlausibilityCheck() {
	}

	public static List<Problem> check(Exercise exercise) {
		var problems = new ArrayList<Problem>();
		for (Trimester trimester : exercise.trimesters()) {
			var scene = new Scene(exercise, trimester);
			var renderer = new Renderer(scene);
			for (int i = 0; i < scene.keyframes().size(); i++) {
				String field = "poses.keyframes[" + i + "]";
				Pose pose = scene.keyframes().get(i);
				Skeleton skeleton = scene.keyframe(i);
				checkAngles(pose, field, problems);
				checkLimbs(skeleton, field, problems);
				checkBump(skeleton, field, problems);
				checkResting(scene, renderer, pose, skeleton, field, problems);
			}
			checkMotion(scene, renderer, problems);
			if (!problems.isEmpty()) {
				break;
			}
		}
		return problems.stream().distinct().toList();
	}

	private static void checkAngles(Pose pose, String field, List<Problem> problems) {
		for (Angle angle : Angle.values()) {
			if (angle == Angle.BODY_PITCH || angle == Angle.BODY_ROLL) {
				continue;
			}
			double degrees = pose.get(angle);
			if (degrees < angle.min() || degrees > angle.max()) {
				problems.add(new Problem(field, angle.part() + "." + angle.key() + " is " + Math.round(degrees)
						+ "°, outside " + angle.min() + "° to " + angle.max() + "°"));
			}
		}
		for (Angle[] hip : new Angle[][] { { Angle.LEFT_LEG_RAISE, Angle.LEFT_LEG_DIRECTION },
				{ Angle.RIGHT_LEG_RAISE, Angle.RIGHT_LEG_DIRECTION } }) {
			if (Math.abs(pose.get(hip[1])) > 90 && pose.get(hip[0]) > Angle.MAX_HIP_EXTENSION) {
				problems.add(new Problem(field, hip[0].part() + " reaches " + Math.round(pose.get(hip[0]))
						+ "° behind the body; a hip extends at most " + Angle.MAX_HIP_EXTENSION + "°"));
			}
		}
	}

	private static void checkLimbs(Skeleton skeleton, String field, List<Problem> problems) {
		SEGMENTS.forEach((chain, lengths) -> {
			for (int i = 0; i < lengths.length; i++) {
				double length = skeleton.get(chain[i]).distanceTo(skeleton.get(chain[i + 1]));
				if (Math.abs(length - lengths[i]) > 0.01) {
					problems.add(new Problem(field, chain[i] + " to " + chain[i + 1] + " is " + length + " long, not "
							+ lengths[i]));
				}
			}
		});
		// Limbs start at the torso's edge: within its thickness of the trunk's corners.
		for (Point[] joint : new Point[][] { { LEFT_HIP, LEFT_HIP_CORNER }, { RIGHT_HIP, RIGHT_HIP_CORNER },
				{ LEFT_SHOULDER, LEFT_SHOULDER_CORNER }, { RIGHT_SHOULDER, RIGHT_SHOULDER_CORNER } }) {
			if (skeleton.get(joint[0]).distanceTo(skeleton.get(joint[1])) > Skeleton.TORSO_RADIUS + 1) {
				problems.add(new Problem(field, joint[0] + " is not joined to the torso"));
			}
		}
	}

	private static void checkBump(Skeleton skeleton, String field, List<Problem> problems) {
		Vec3 pelvis = skeleton.get(PELVIS);
		Vec3 spine = skeleton.get(WAIST).minus(pelvis);
		Vec3 toBump = skeleton.get(BUMP).minus(pelvis);
		double along = toBump.dot(spine) / spine.dot(spine);
		double away = toBump.minus(spine.times(along)).length();
		if (skeleton.bumpRadius() <= 0 || away + skeleton.bumpRadius() < Skeleton.TORSO_RADIUS + 2) {
			problems.add(new Problem(field, "the bump does not show in front of the belly"));
		}
	}

	private static void checkResting(Scene scene, Renderer renderer, Pose pose, Skeleton skeleton, String field,
			List<Problem> problems) {
		Position position = pose.position();
		Double seat = scene.seat(pose);
		if ((position == Position.SEATED_CHAIR || position == Position.SEATED_BALL) && seat == null) {
			problems.add(new Problem(field, "a figure " + position + " needs a CHAIR, BALL or BIKE in props"));
		}
		if (seat != null && Math.abs(skeleton.get(PELVIS_BOTTOM).y() - seat) > Scene.TOUCH) {
			problems.add(new Problem(field, "the figure does not sit on its seat"));
		}
		if (!scene.poses().has(Prop.BIKE)) {
			for (Point[] group : Solver.RESTING_PARTS.get(position)) {
				if (!touchesAny(scene, skeleton, group)) {
					problems.add(new Problem(field, "a figure " + position + " needs one of " + Arrays.toString(group)
							+ " on the floor or its support (" + gaps(scene, skeleton) + ")"));
				}
			}
		}
		if (scene.poses().has(Prop.CHAIR_AHEAD) || scene.poses().has(Prop.CHAIR_BESIDE)) {
			// The chair stands where the hand held it at the start; a hand that has moved away (arms raised
			// overhead in a flow) is not holding it then.
			Vec3 holding = scene.holdingHand(skeleton);
			boolean atChair = Math.abs(holding.x() - scene.holdingHand(scene.start()).x()) <= 8;
			if (atChair && Math.abs(holding.y() - Scene.CHAIR_BACK_TOP) > 5) {
				problems.add(new Problem(field, "the hand holding the chair is at height " + Math.round(holding.y())
						+ ", not on the chair's back (" + Math.round(Scene.CHAIR_BACK_TOP) + ")"));
			}
		}
	}

	private static void checkMotion(Scene scene, Renderer renderer, List<Problem> problems) {
		for (Renderer.Sample sample : renderer.sampleFrames()) {
			Skeleton skeleton = sample.skeleton();
			for (Point point : Scene.drawnPoints()) {
				double gap = scene.gap(skeleton, point);
				if (gap < -Scene.TOUCH) {
					problems.add(new Problem("poses", point + " goes " + Math.round(-gap) + " units through the floor "
							+ Math.round(sample.time() * 10) / 10.0 + " s into the movement"));
				}
				double radius = scene.radius(skeleton, point) * Renderer.SCALE;
				double x = renderer.x(skeleton.get(point));
				double y = renderer.y(skeleton.get(point));
				// The tallest picture reaches from the floor to the top of the canvas: arms overhead fit, no more.
				if (x - radius < 0 || x + radius > Renderer.WIDTH || y - radius < 0) {
					problems.add(new Problem("poses", point + " leaves the picture " + Math.round(sample.time() * 10) / 10.0
							+ " s into the movement"));
				}
			}
		}
	}

	/** How far above its support each part is, so that an author sees which way to adjust. */
	private static String gaps(Scene scene, Skeleton skeleton) {
		var parts = new java.util.LinkedHashMap<String, Point[]>();
		parts.put("feet", new Point[] { LEFT_ANKLE, LEFT_TOE, RIGHT_ANKLE, RIGHT_TOE });
		parts.put("knees", new Point[] { LEFT_KNEE, RIGHT_KNEE });
		parts.put("hands", new Point[] { LEFT_WRIST, LEFT_FINGERS, RIGHT_WRIST, RIGHT_FINGERS });
		parts.put("seat", new Point[] { PELVIS_BOTTOM });
		parts.put("hips", new Point[] { LEFT_HIP_CORNER, RIGHT_HIP_CORNER });
		parts.put("shoulders", new Point[] { LEFT_SHOULDER_CORNER, RIGHT_SHOULDER_CORNER });
		parts.put("head", new Point[] { HEAD });
		var text = new StringBuilder("above the floor or its support:");
		parts.forEach((name, points) -> {
			double lowest = Double.MAX_VALUE;
			for (Point point : points) {
				lowest = Math.min(lowest, scene.gap(skeleton, point));
			}
			text.append(' ').append(name).append(' ').append(Math.round(lowest * 10) / 10.0);
		});
		return text.toString();
	}

	private static boolean touchesAny(Scene scene, Skeleton skeleton, Point... points) {
		for (Point point : points) {
			if (scene.touches(skeleton, point)) {
				return true;
			}
		}
		return false;
	}

}
