package org.carrywell.illustration;

import java.util.Arrays;

import org.carrywell.catalogue.Angle;
import org.carrywell.catalogue.Position;

/**
 * Every joint angle of the figure at one moment, its breath, and the position it is in. The body's pitch
 * and roll here include its position's own (lying on the back is a pitch of −90°), so that two poses can be
 * blended even across positions, as from sitting to standing.
 */
record Pose(Position position, double[] angles, double breath) {

	Pose {
		angles = angles.clone();
	}

	/** A copy: a pose never changes. */
	@Override
	public double[] angles() {
		return angles.clone();
	}

	double get(Angle angle) {
		return angles[angle.ordinal()];
	}

	/** The pose a fraction {@code t} (0–1) of the way from this one to {@code other}. */
	Pose toward(Pose other, double t) {
		double[] blended = new double[angles.length];
		for (int i = 0; i < blended.length; i++) {
			blended[i] = angles[i] + (other.angles[i] - angles[i]) * t;
		}
		return new Pose(t < 0.5 ? position : other.position, blended, breath + (other.breath - breath) * t);
	}

	/** The largest change of any angle between the two poses, in degrees. */
	double largestChangeTo(Pose other) {
		double largest = 0;
		for (int i = 0; i < angles.length; i++) {
			largest = Math.max(largest, Math.abs(other.angles[i] - angles[i]));
		}
		return largest;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Pose pose && position == pose.position && Arrays.equals(angles, pose.angles)
				&& breath == pose.breath;
	}

	@Override
	public int hashCode() {
		return 31 * position.hashCode() + Arrays.hashCode(angles);
	}

	@Override
	public String toString() {
		return "Pose[" + position + ", " + Arrays.toString(angles) + ", breath " + breath + "]";
	}

}
