package org.carrywell.catalogue;

import java.util.Arrays;
import java.util.Optional;

/**
 * One joint angle a keyframe of an exercise's drawing may set, in degrees, with the range a body can reach.
 * In the YAML a keyframe groups them by part ({@code trunk: {bend: 20}}); {@code arms} and {@code legs} set
 * both sides at once. The figure faces right in a side view and the viewer in a front view; its right side
 * is the near side in a side view.
 */
public enum Angle {

	/** The whole body's lean from its position: forward (+) or back (−), like a hinge at the hips and feet. */
	BODY_PITCH("body", "pitch", -90, 90),
	/** The whole body's roll toward its right (+) or left (−). */
	BODY_ROLL("body", "roll", -90, 90),
	/** Bending of the spine: forward, rounding (+) or back, arching (−). */
	TRUNK_BEND("trunk", "bend", -35, 90),
	/** Bending of the spine to the right (+) or left (−). */
	TRUNK_SIDE("trunk", "side", -40, 40),
	/** Turning of the upper body to the right (+) or left (−). */
	TRUNK_TWIST("trunk", "twist", -50, 50),
	NECK_BEND("neck", "bend", -40, 60),
	NECK_SIDE("neck", "side", -45, 45),
	NECK_TURN("neck", "turn", -70, 70),
	/** Both shoulders drawn up toward the ears (+) or down (−). */
	SHOULDERS_LIFT("shoulders", "lift", -10, 40),
	/** Both shoulder blades drawn back together (+) or forward (−). */
	SHOULDERS_BACK("shoulders", "back", -30, 30),
	/** How far the arm is lifted from hanging down: 0 down, 90 level, 180 straight up. */
	LEFT_ARM_RAISE("leftArm", "raise", 0, 180),
	/** Which way it is lifted: 0 forward, 90 out to the side, 180 behind, below 0 across the body. */
	LEFT_ARM_DIRECTION("leftArm", "direction", -60, 200),
	/** Turning about its own length: outward (+) or inward (−). */
	LEFT_ARM_TURN("leftArm", "turn", -90, 90),
	LEFT_ARM_ELBOW("leftArm", "elbow", 0, 150),
	/** The hand bent back (+, as on the floor on all fours) or forward (−). */
	LEFT_ARM_WRIST("leftArm", "wrist", -80, 90),
	RIGHT_ARM_RAISE("rightArm", "raise", 0, 180),
	RIGHT_ARM_DIRECTION("rightArm", "direction", -60, 200),
	RIGHT_ARM_TURN("rightArm", "turn", -90, 90),
	RIGHT_ARM_ELBOW("rightArm", "elbow", 0, 150),
	RIGHT_ARM_WRIST("rightArm", "wrist", -80, 90),
	/** How far the thigh is lifted from straight down: 90 is sitting. Behind the body (extension) only to 40. */
	LEFT_LEG_RAISE("leftLeg", "raise", 0, 140),
	/** Which way the thigh is lifted: 0 forward, 90 out to the side, 180 behind, below 0 across the body. */
	LEFT_LEG_DIRECTION("leftLeg", "direction", -30, 180),
	/** Turning of the thigh outward (+) or inward (−). */
	LEFT_LEG_TURN("leftLeg", "turn", -45, 90),
	LEFT_LEG_KNEE("leftLeg", "knee", 0, 160),
	/** The foot pointed (+) or pulled up (−); 90 lays the top of the foot flat, as when kneeling. */
	LEFT_LEG_ANKLE("leftLeg", "ankle", -30, 90),
	RIGHT_LEG_RAISE("rightLeg", "raise", 0, 140),
	RIGHT_LEG_DIRECTION("rightLeg", "direction", -30, 180),
	RIGHT_LEG_TURN("rightLeg", "turn", -45, 90),
	RIGHT_LEG_KNEE("rightLeg", "knee", 0, 160),
	RIGHT_LEG_ANKLE("rightLeg", "ankle", -30, 90);

	/** A hip reaches at most this far behind the body (raise with a direction beyond 90°). */
	public static final int MAX_HIP_EXTENSION = 40;

	private final String part;

	private final String key;

	private final int min;

	private final int max;

	Angle(String part, String key, int min, int max) {
		this.part = part;
		this.key = key;
		this.min = min;
		this.max = max;
	}

	/** The YAML key of the part it belongs to: body, trunk, neck, leftArm, rightArm, leftLeg or rightLeg. */
	public String part() {
		return part;
	}

	/** Its YAML key within the part. */
	public String key() {
		return key;
	}

	public int min() {
		return min;
	}

	public int max() {
		return max;
	}

	public static Optional<Angle> of(String part, String key) {
		return Arrays.stream(values()).filter(angle -> angle.part.equals(part) && angle.key.equals(key)).findFirst();
	}

}
