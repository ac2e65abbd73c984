package org.carrywell.illustration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrywell.catalogue.ExerciseTestData.anExercise;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.carrywell.catalogue.Angle;
import org.carrywell.catalogue.Keyframe;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Poses;
import org.carrywell.catalogue.Trimester;
import org.carrywell.illustration.Skeleton.Point;

/**
 * Whatever the angles, inside their ranges: the figure keeps its proportions and its limbs stay joined to the
 * body, it never goes through the floor, and what is written is one well-formed SVG.
 */
class FigurePropertyTests {

	@Property(tries = 300, seed = "20261130")
	void anyPoseKeepsItsLimbsJoinedAndItsProportions(@ForAll("poses") Map<Angle, Integer> angles,
			@ForAll Position position) {
		var view = position == Position.SIDE_LYING ? Poses.View.FRONT_FROM_ABOVE : Poses.View.SIDE;
		var exercise = anExercise().inPosition(position)
			.drawnAs(new Poses(view, Set.of(), List.of(new Keyframe("Start.", null, Map.of(), 0),
					new Keyframe("Anything.", null, angles, 50))))
			.build();
		var scene = new Scene(exercise, Trimester.SECOND);
		Skeleton skeleton = scene.keyframe(1);

		assertThat(length(skeleton, Point.LEFT_HIP, Point.LEFT_KNEE)).isCloseTo(Skeleton.THIGH, within());
		assertThat(length(skeleton, Point.RIGHT_KNEE, Point.RIGHT_ANKLE)).isCloseTo(Skeleton.SHIN, within());
		assertThat(length(skeleton, Point.LEFT_SHOULDER, Point.LEFT_ELBOW)).isCloseTo(Skeleton.UPPER_ARM, within());
		assertThat(length(skeleton, Point.RIGHT_ELBOW, Point.RIGHT_WRIST)).isCloseTo(Skeleton.FOREARM, within());
		assertThat(length(skeleton, Point.PELVIS, Point.WAIST)).isCloseTo(Skeleton.LOWER_TRUNK, within());
		assertThat(length(skeleton, Point.RIGHT_SHOULDER, Point.RIGHT_SHOULDER_CORNER))
			.isLessThanOrEqualTo(Skeleton.TORSO_RADIUS + 1);
		for (Point point : Scene.RESTING.keySet()) {
			assertThat(scene.gap(skeleton, point)).as(point.name()).isGreaterThan(-0.01);
		}
		String svg = Illustration.unique(new Renderer(scene).animation(), "p-");
		assertThat(svg).startsWith("<svg").endsWith("</svg>").doesNotContain("NaN", "Infinity");
	}

	@Provide
	Arbitrary<Map<Angle, Integer>> poses() {
		List<Angle> limbs = List.of(Angle.TRUNK_BEND, Angle.TRUNK_SIDE, Angle.TRUNK_TWIST, Angle.NECK_BEND,
				Angle.LEFT_ARM_RAISE, Angle.LEFT_ARM_DIRECTION, Angle.LEFT_ARM_ELBOW, Angle.RIGHT_ARM_RAISE,
				Angle.RIGHT_ARM_TURN, Angle.RIGHT_ARM_ELBOW, Angle.LEFT_LEG_RAISE, Angle.LEFT_LEG_KNEE,
				Angle.RIGHT_LEG_RAISE, Angle.RIGHT_LEG_DIRECTION, Angle.RIGHT_LEG_TURN, Angle.RIGHT_LEG_KNEE);
		List<Arbitrary<Integer>> values = limbs.stream()
			.<Arbitrary<Integer>>map(angle -> Arbitraries.integers().between(angle.min(), angle.max()))
			.toList();
		return Combinators.combine(values).as(chosen -> {
			var map = new EnumMap<Angle, Integer>(Angle.class);
			for (int i = 0; i < limbs.size(); i++) {
				map.put(limbs.get(i), chosen.get(i));
			}
			return map;
		});
	}

	private static double length(Skeleton skeleton, Point from, Point to) {
		return skeleton.get(from).distanceTo(skeleton.get(to));
	}

	private static org.assertj.core.data.Offset<Double> within() {
		return org.assertj.core.data.Offset.offset(1e-6);
	}

}
