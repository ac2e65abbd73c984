package org.carrywell.illustration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrywell.catalogue.ExerciseTestData.anExercise;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Angle;
import org.carrywell.catalogue.Keyframe;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Poses;
import org.carrywell.catalogue.Prop;
import org.carrywell.catalogue.Trimester;
import org.carrywell.illustration.Skeleton.Point;

/** The angles a keyframe leaves open settle so that the body rests as its position says. */
class SolverTests {

	@Test
	void roundingTheBackOnAllFoursKeepsHandsAndKneesOnTheFloor() {
		var scene = scene(Position.ALL_FOURS, Set.of(), Map.of(Angle.BODY_PITCH, -12, Angle.TRUNK_BEND, 28));
		Skeleton cat = scene.keyframe(1);

		assertThat(scene.touches(cat, Point.LEFT_KNEE) || scene.touches(cat, Point.RIGHT_KNEE)).isTrue();
		assertThat(scene.touches(cat, Point.RIGHT_WRIST) || scene.touches(cat, Point.RIGHT_FINGERS)).isTrue();
		assertThat(scene.keyframes().get(1).get(Angle.RIGHT_ARM_RAISE))
			.as("the arms moved to reach the floor")
			.isNotEqualTo(scene.keyframes().get(0).get(Angle.RIGHT_ARM_RAISE));
	}

	@Test
	void anAngleTheKeyframeSetsIsNeverChanged() {
		var scene = scene(Position.ALL_FOURS, Set.of(),
				Map.of(Angle.TRUNK_BEND, 28, Angle.LEFT_ARM_RAISE, 30, Angle.RIGHT_ARM_RAISE, 30));

		assertThat(scene.keyframes().get(1).get(Angle.LEFT_ARM_RAISE)).isEqualTo(30);
	}

	@Test
	void aHandOnAChairBackFindsItsHeight() {
		var scene = scene(Position.STANDING, Set.of(Prop.CHAIR_AHEAD), Map.of(Angle.TRUNK_BEND, 10));

		assertThat(scene.holdingHand(scene.start()).y()).isCloseTo(Scene.CHAIR_BACK_TOP,
				org.assertj.core.data.Offset.offset(1.0));
	}

	private static Scene scene(Position position, Set<Prop> props, Map<Angle, Integer> end) {
		var poses = new Poses(Poses.View.SIDE, props,
				List.of(new Keyframe("Start.", null, Map.of(), 0), new Keyframe("End.", null, end, 0)));
		return new Scene(anExercise().inPosition(position).drawnAs(poses).build(), Trimester.THIRD);
	}

}
