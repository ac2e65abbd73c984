package org.carrywell.catalogue;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How an exercise is drawn: seen from the side or the front, with its props, moving through two or more
 * keyframes (the first is the start position, shown alone in lists).
 */
public record Poses(View view, Set<Prop> props, List<Keyframe> keyframes) {

	public enum View {

		/** From her right side: she faces right. */
		SIDE,
		/** From in front: she faces the viewer. */
		FRONT,
		/**
		 * From in front and a little above, so that what comes toward the viewer shows too: for lying on the
		 * side, where bent knees point at the viewer.
		 */
		FRONT_FROM_ABOVE;

		/** Whether she faces the viewer, as in FRONT and FRONT_FROM_ABOVE. */
		public boolean facesViewer() {
			return this != SIDE;
		}

	}

	public Poses {
		var copy = EnumSet.noneOf(Prop.class);
		copy.addAll(props);
		props = Collections.unmodifiableSet(copy);
		keyframes = List.copyOf(keyframes);
		if (keyframes.size() < 2) {
			throw new IllegalArgumentException("A drawing needs at least two keyframes");
		}
	}

	public Keyframe start() {
		return keyframes.get(0);
	}

	public boolean has(Prop prop) {
		return props.contains(prop);
	}

}
