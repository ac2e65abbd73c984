package org.carrywell.illustration;

import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.Trimester;

/** Draws exercises from their pose data. Plain Java and deterministic: the same exercise gives the same SVG. */
public final class Illustrator {

	private Illustrator() {
	}

	public static Illustration draw(Exercise exercise, Trimester trimester) {
		var renderer = new Renderer(new Scene(exercise, trimester));
		Motion motion = renderer.motion();
		return new Illustration(renderer.still(0), renderer.animation(), renderer.frames(), motion.seconds(),
				motion.forward(), motion.hold(), motion.back(), motion.continuous());
	}

}
