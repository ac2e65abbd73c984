package org.carrywell.illustration;

/**
 * Where a body part faces: three unit vectors at right angles — its front, its up (along the spine or the
 * limb's length) and its right. Turning a frame keeps them at right angles.
 */
record Frame(Vec3 front, Vec3 up, Vec3 right) {

	/** Bends forward (+) toward the front, or back (−). */
	Frame pitch(double degrees) {
		return new Frame(Vec3.turn(front, up, -degrees), Vec3.turn(up, front, degrees), right);
	}

	/** Bends toward the right side (+) or the left (−). */
	Frame roll(double degrees) {
		return new Frame(front, Vec3.turn(up, right, degrees), Vec3.turn(right, up, -degrees));
	}

	/** Turns toward the right (+) or the left (−) about its up. */
	Frame yaw(double degrees) {
		return new Frame(Vec3.turn(front, right, degrees), up, Vec3.turn(right, front, -degrees));
	}

}
