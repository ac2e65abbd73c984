package org.carrywell.catalogue;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One position of an exercise's drawing: the angles it changes from its base position's natural pose, and
 * what it shows, in words, for people who cannot see the drawing.
 *
 * @param base the position it starts from, when not the exercise's own (a sit-to-stand ends standing)
 * @param breath how full the breath is, 0 (out) to 100 (in): the chest and bump rise with it
 */
public record Keyframe(String description, @Nullable Position base, Map<Angle, Integer> angles, int breath) {

	public Keyframe {
		var copy = new EnumMap<Angle, Integer>(Angle.class);
		copy.putAll(angles);
		angles = Collections.unmodifiableMap(copy);
		if (breath < 0 || breath > 100) {
			throw new IllegalArgumentException("breath must be 0 to 100, was " + breath);
		}
	}

	public Optional<Position> basePosition() {
		return Optional.ofNullable(base);
	}

}
