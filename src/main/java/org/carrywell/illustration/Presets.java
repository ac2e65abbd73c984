package org.carrywell.illustration;

import static org.carrywell.catalogue.Angle.*;

import java.util.EnumMap;
import java.util.Map;

import org.carrywell.catalogue.Angle;
import org.carrywell.catalogue.Keyframe;
import org.carrywell.catalogue.Position;

/**
 * The natural pose of each position — how a person sits on a chair or kneels on all fours — that a keyframe
 * only adjusts. A keyframe's limb and trunk angles replace the preset's; its body pitch and roll are added to
 * the position's own lean, so "lean forward 20°" means the same on a chair and standing.
 */
final class Presets {

	private Presets() {
	}

	static Pose resolve(Position exercisePosition, Keyframe keyframe) {
		Position position = keyframe.basePosition().orElse(exercisePosition);
		Map<Angle, Double> angles = preset(position);
		keyframe.angles().forEach((angle, degrees) -> {
			if (angle == BODY_PITCH || angle == BODY_ROLL) {
				angles.merge(angle, degrees.doubleValue(), Double::sum);
			}
			else {
				angles.put(angle, degrees.doubleValue());
			}
		});
		double[] values = new double[Angle.values().length];
		angles.forEach((angle, degrees) -> values[angle.ordinal()] = degrees);
		return new Pose(position, values, keyframe.breath() / 100.0);
	}

	private static Map<Angle, Double> preset(Position position) {
		var angles = new EnumMap<Angle, Double>(Angle.class);
		switch (position) {
			case STANDING, WALL_SUPPORTED -> {
				legs(angles, 0, 4, 0, 0);
				arms(angles, 8, 15, 15, 0);
			}
			case SEATED_CHAIR -> {
				legs(angles, 88, 90, 6, 0);
				arms(angles, 22, 5, 62, 0);
			}
			case SEATED_BALL -> {
				legs(angles, 82, 80, 18, 0);
				arms(angles, 22, 10, 60, 0);
			}
			case SEATED_FLOOR -> {
				legs(angles, 88, 12, 10, 0);
				arms(angles, 22, 10, 20, 0);
			}
			case KNEELING -> {
				legs(angles, 0, 90, 6, 90);
				arms(angles, 8, 15, 15, 0);
			}
			case HALF_KNEELING -> {
				leg(angles, LEFT_LEG_RAISE, 90, LEFT_LEG_KNEE, 90, LEFT_LEG_DIRECTION, 4, LEFT_LEG_ANKLE, 0);
				leg(angles, RIGHT_LEG_RAISE, 0, RIGHT_LEG_KNEE, 90, RIGHT_LEG_DIRECTION, 4, RIGHT_LEG_ANKLE, 90);
				arms(angles, 8, 15, 15, 0);
			}
			case ALL_FOURS -> {
				// Arms are longer than thighs: the back slopes up a little toward the shoulders; arms and thighs
				// stay upright when their raise equals the body's pitch.
				angles.put(BODY_PITCH, 78.0);
				legs(angles, 78, 90, 4, 90);
				arms(angles, 78, 4, 0, 0);
				angles.put(LEFT_ARM_WRIST, 90.0);
				angles.put(RIGHT_ARM_WRIST, 90.0);
			}
			case SIDE_LYING -> {
				angles.put(BODY_ROLL, -90.0);
				legs(angles, 45, 80, 0, 10);
				angles.put(LEFT_ARM_RAISE, 160.0);
				angles.put(LEFT_ARM_ELBOW, 130.0);
				angles.put(RIGHT_ARM_RAISE, 40.0);
				angles.put(RIGHT_ARM_ELBOW, 50.0);
			}
			case SEMI_RECLINED -> {
				angles.put(BODY_PITCH, -55.0);
				legs(angles, 45, 40, 6, 10);
				arms(angles, 30, 10, 80, 0);
			}
			case SUPINE -> {
				angles.put(BODY_PITCH, -90.0);
				legs(angles, 45, 100, 6, 0);
				arms(angles, 12, 20, 0, 0);
			}
			case PRONE -> {
				angles.put(BODY_PITCH, 90.0);
				legs(angles, 0, 0, 6, 60);
				arms(angles, 150, 20, 60, 0);
			}
		}
		return angles;
	}

	private static void legs(Map<Angle, Double> angles, double raise, double knee, double direction, double ankle) {
		leg(angles, LEFT_LEG_RAISE, raise, LEFT_LEG_KNEE, knee, LEFT_LEG_DIRECTION, direction, LEFT_LEG_ANKLE, ankle);
		leg(angles, RIGHT_LEG_RAISE, raise, RIGHT_LEG_KNEE, knee, RIGHT_LEG_DIRECTION, direction, RIGHT_LEG_ANKLE,
				ankle);
	}

	private static void leg(Map<Angle, Double> angles, Angle raise, double raiseDegrees, Angle knee, double kneeDegrees,
			Angle direction, double directionDegrees, Angle ankle, double ankleDegrees) {
		angles.put(raise, raiseDegrees);
		angles.put(knee, kneeDegrees);
		angles.put(direction, directionDegrees);
		angles.put(ankle, ankleDegrees);
	}

	private static void arms(Map<Angle, Double> angles, double raise, double direction, double elbow, double wrist) {
		angles.put(LEFT_ARM_RAISE, raise);
		angles.put(RIGHT_ARM_RAISE, raise);
		angles.put(LEFT_ARM_DIRECTION, direction);
		angles.put(RIGHT_ARM_DIRECTION, direction);
		angles.put(LEFT_ARM_ELBOW, elbow);
		angles.put(RIGHT_ARM_ELBOW, elbow);
		angles.put(LEFT_ARM_WRIST, wrist);
		angles.put(RIGHT_ARM_WRIST, wrist);
	}

}
