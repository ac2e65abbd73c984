package org.carrywell.illustration;

/** A point or direction in the drawing's world: x to the right, y up, z toward the viewer; units ≈ cm / 1.7. */
record Vec3(double x, double y, double z) {

	static final Vec3 ZERO = new Vec3(0, 0, 0);

	Vec3 plus(Vec3 other) {
		return new Vec3(x + other.x, y + other.y, z + other.z);
	}

	Vec3 minus(Vec3 other) {
		return new Vec3(x - other.x, y - other.y, z - other.z);
	}

	Vec3 times(double factor) {
		return new Vec3(x * factor, y * factor, z * factor);
	}

	/** This point moved {@code distance} along the unit vector {@code direction}. */
	Vec3 along(Vec3 direction, double distance) {
		return plus(direction.times(distance));
	}

	double dot(Vec3 other) {
		return x * other.x + y * other.y + z * other.z;
	}

	Vec3 cross(Vec3 other) {
		return new Vec3(y * other.z - z * other.y, z * other.x - x * other.z, x * other.y - y * other.x);
	}

	double length() {
		return Math.sqrt(dot(this));
	}

	double distanceTo(Vec3 other) {
		return minus(other).length();
	}

	/** {@code a} turned by {@code degrees} toward {@code b}, both unit vectors at right angles. */
	static Vec3 turn(Vec3 a, Vec3 b, double degrees) {
		double radians = Math.toRadians(degrees);
		return a.times(Math.cos(radians)).plus(b.times(Math.sin(radians)));
	}

}
