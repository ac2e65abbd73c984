package org.carrywell.illustration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrywell.catalogue.ExerciseTestData.anExercise;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Angle;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.Keyframe;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.Poses;
import org.carrywell.catalogue.Prop;

/** The checks catch drawings no body could hold, and name the keyframe. */
class PlausibilityCheckTests {

	@Test
	void aNaturalPoseInEachPositionPasses() {
		for (Position position : List.of(Position.STANDING, Position.ALL_FOURS, Position.KNEELING,
				Position.SIDE_LYING, Position.SUPINE)) {
			var view = position == Position.SIDE_LYING ? Poses.View.FRONT : Poses.View.SIDE;
			assertThat(PlausibilityCheck.check(drawn(position, view, Set.of(), Map.of()))).as(position.name())
				.isEmpty();
		}
	}

	@Test
	void handsThatDoNotReachTheFloorOnAllFoursAreCaught() {
		var problems = PlausibilityCheck.check(drawn(Position.ALL_FOURS, Poses.View.SIDE, Set.of(),
				Map.of(Angle.LEFT_ARM_RAISE, 180, Angle.RIGHT_ARM_RAISE, 180, Angle.LEFT_LEG_RAISE, 78,
						Angle.RIGHT_LEG_RAISE, 78)));

		assertThat(problems).anySatisfy(problem -> {
			assertThat(problem.field()).isEqualTo("poses.keyframes[1]");
			assertThat(problem.message()).contains("ALL_FOURS needs one of [LEFT_WRIST");
		});
	}

	@Test
	void feetOffTheFloorOnAChairAreCaught() {
		var problems = PlausibilityCheck.check(drawn(Position.SEATED_CHAIR, Poses.View.SIDE, Set.of(Prop.CHAIR),
				Map.of(Angle.LEFT_LEG_KNEE, 0, Angle.RIGHT_LEG_KNEE, 0)));

		assertThat(problems).anySatisfy(problem -> assertThat(problem.message()).contains("LEFT_ANKLE"));
	}

	@Test
	void aChairWithoutASeatIsCaught() {
		assertThat(PlausibilityCheck.check(drawn(Position.SEATED_CHAIR, Poses.View.SIDE, Set.of(), Map.of())))
			.anySatisfy(problem -> assertThat(problem.message()).contains("needs a CHAIR, BALL or BIKE"));
	}

	@Test
	void aHipStretchedFurtherBackThanAHipGoesIsCaught() {
		var problems = PlausibilityCheck.check(drawn(Position.STANDING, Poses.View.SIDE, Set.of(),
				Map.of(Angle.RIGHT_LEG_RAISE, 70, Angle.RIGHT_LEG_DIRECTION, 180)));

		assertThat(problems).anySatisfy(problem -> assertThat(problem.message()).contains("extends at most 40°"));
	}

	@Test
	void aHandThatMissesTheChairItHoldsIsCaught() {
		var poses = new Poses(Poses.View.SIDE, Set.of(Prop.CHAIR_AHEAD),
				List.of(new Keyframe("Start.", null, Map.of(Angle.LEFT_ARM_RAISE, 150, Angle.RIGHT_ARM_RAISE, 150), 0),
						new Keyframe("End.", null, Map.of(), 0)));
		var problems = PlausibilityCheck.check(exercise(Position.STANDING, poses));

		assertThat(problems).anySatisfy(problem -> {
			assertThat(problem.field()).isEqualTo("poses.keyframes[0]");
			assertThat(problem.message()).contains("not on the chair's back");
		});
	}

	private static Exercise drawn(Position position, Poses.View view, Set<Prop> props, Map<Angle, Integer> end) {
		return exercise(position, new Poses(view, props,
				List.of(new Keyframe("Start.", null, Map.of(), 0), new Keyframe("End.", null, end, 0))));
	}

	private static Exercise exercise(Position position, Poses poses) {
		return anExercise().inPosition(position).drawnAs(poses).build();
	}

}
