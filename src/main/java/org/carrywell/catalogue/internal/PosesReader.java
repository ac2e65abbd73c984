package org.carrywell.catalogue.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.carrywell.catalogue.Angle;
import org.carrywell.catalogue.Keyframe;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Poses;
import org.carrywell.catalogue.Prop;

/**
 * Reads an exercise's {@code poses}: the view, the props and two to six keyframes of joint angles, each
 * angle inside the range a body reaches. Whether the figure then stands on the floor or sits on its chair
 * is checked where it is drawn, once the angles are turned into a figure.
 */
final class PosesReader {

	static final int MAX_KEYFRAMES = 6;

	private static final int MAX_DESCRIPTION = 160;

	private static final List<String> FIELDS = List.of("view", "props", "keyframes");

	/** Keys that set both sides at once. */
	private static final Map<String, List<String>> BOTH_SIDES = Map.of("arms", List.of("leftArm", "rightArm"), "legs",
			List.of("leftLeg", "rightLeg"));

	private static final List<String> KEYFRAME_FIELDS = List.of("shows", "base", "breath", "body", "trunk", "neck",
			"shoulders", "arms", "leftArm", "rightArm", "legs", "leftLeg", "rightLeg");

	private PosesReader() {
	}

	static Optional<Poses> read(YamlFields poses) {
		int before = poses.problemCount();
		poses.rejectUnknownFields(FIELDS);
		Poses.View view = poses.enumValue("view", Poses.View.class);
		Set<Prop> props = poses.enumList("props", Prop.class, false);
		List<?> items = poses.list("keyframes", true);
		if (!items.isEmpty() && (items.size() < 2 || items.size() > MAX_KEYFRAMES)) {
			poses.problem("keyframes", "has " + items.size() + " keyframes; give 2 to " + MAX_KEYFRAMES
					+ " (the first is the start position)");
		}
		var keyframes = new java.util.ArrayList<Keyframe>();
		for (int i = 0; i < items.size(); i++) {
			String field = "keyframes[" + i + "]";
			if (!(items.get(i) instanceof Map<?, ?> map)) {
				poses.problem(field, "must be a mapping of fields");
				continue;
			}
			keyframe(poses.child(field, map)).ifPresent(keyframes::add);
		}
		if (view == Poses.View.SIDE && props.contains(Prop.CHAIR_BESIDE)) {
			poses.problem("props", "CHAIR_BESIDE is seen only from the front; use CHAIR_AHEAD in a side view");
		}
		if (poses.problemCount() > before) {
			return Optional.empty();
		}
		return Optional.of(new Poses(view, props, keyframes));
	}

	private static Optional<Keyframe> keyframe(YamlFields fields) {
		int before = fields.problemCount();
		fields.rejectUnknownFields(KEYFRAME_FIELDS);
		String shows = fields.text("shows", true, MAX_DESCRIPTION);
		Position base = fields.has("base") ? fields.enumValue("base", Position.class) : null;
		Integer breath = fields.integer("breath", false, 0, 100);
		var angles = new EnumMap<Angle, Integer>(Angle.class);
		for (String part : List.of("body", "trunk", "neck", "shoulders", "arms", "leftArm", "rightArm", "legs", "leftLeg",
				"rightLeg")) {
			fields.nested(part, false).ifPresent(values -> readPart(part, values, angles));
		}
		if (fields.problemCount() > before) {
			return Optional.empty();
		}
		return Optional.of(new Keyframe(shows, base, angles, breath == null ? 0 : breath));
	}

	private static void readPart(String part, YamlFields values, Map<Angle, Integer> angles) {
		List<String> sides = BOTH_SIDES.getOrDefault(part, List.of(part));
		Map<String, Object> given = new LinkedHashMap<>();
		values.entries().forEach((key, value) -> given.put(String.valueOf(key), value));
		for (var entry : given.entrySet()) {
			Optional<Angle> known = Angle.of(sides.get(0), entry.getKey());
			if (known.isEmpty()) {
				values.problem(entry.getKey(), "unknown angle; " + part + " has: " + keys(sides.get(0)));
				continue;
			}
			@Nullable Integer degrees = values.integer(entry.getKey(), true, known.get().min(), known.get().max());
			if (degrees == null) {
				continue;
			}
			for (String side : sides) {
				Angle angle = Angle.of(side, entry.getKey()).orElseThrow();
				if (angles.put(angle, degrees) != null) {
					values.problem(entry.getKey(), "is set twice, by " + part + " and by a single side");
				}
			}
		}
	}

	private static String keys(String part) {
		var keys = EnumSet.allOf(Angle.class).stream().filter(angle -> angle.part().equals(part)).map(Angle::key);
		return String.join(", ", keys.toList());
	}

}
