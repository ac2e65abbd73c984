package org.carrywell.illustration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Trimester;
import org.carrywell.catalogue.internal.CatalogueFiles;
import org.carrywell.illustration.Skeleton.Point;

/** Setting the figure down: what rests stays where it rested, through the whole movement. */
class SceneTests {

	private static final Catalogue CATALOGUE = CatalogueFiles.realCatalogue();

	@Test
	void feetStayPlantedFromSittingToStanding() {
		var scene = scene("sit-to-stand");
		Skeleton halfway = scene.between(0, 1, 0.5);

		assertThat(halfway.get(Point.RIGHT_TOE).x()).isCloseTo(scene.start().get(Point.RIGHT_TOE).x(), offset(0.5));
		assertThat(scene.touches(halfway, Point.RIGHT_TOE)).isTrue();
		assertThat(scene.keyframe(1).get(Point.PELVIS).y()).isGreaterThan(scene.start().get(Point.PELVIS).y() + 15);
	}

	@Test
	void theBackStaysOnTheWallInAWallSit() {
		var scene = scene("wall-sit");

		assertThat(back(scene.keyframe(1))).isCloseTo(back(scene.start()), offset(0.01));
		assertThat(scene.keyframe(1).get(Point.PELVIS).y()).isLessThan(scene.start().get(Point.PELVIS).y() - 5);
	}

	@Test
	void theHandOnTheChairStaysTheSameHandWhenTheOtherArmReachesOut() {
		var scene = scene("supported-warrior-two");

		assertThat(scene.holdingHand(scene.keyframe(1))).isEqualTo(scene.keyframe(1).get(Point.RIGHT_FINGERS));
	}

	@Test
	void aBumpThatWouldReachBelowTheFloorRestsOnIt() {
		var scene = scene("childs-pose-bolster");
		Skeleton pose = scene.start();

		assertThat(pose.get(Point.BUMP).y()).isGreaterThanOrEqualTo(pose.bumpRadius() - 1e-9);
	}

	private static Scene scene(String id) {
		return new Scene(CATALOGUE.find(id).orElseThrow(), Trimester.THIRD);
	}

	private static double back(Skeleton skeleton) {
		double back = Double.MAX_VALUE;
		for (Point corner : new Point[] { Point.LEFT_HIP_CORNER, Point.RIGHT_HIP_CORNER, Point.LEFT_SHOULDER_CORNER,
				Point.RIGHT_SHOULDER_CORNER, Point.LEFT_WAIST_CORNER, Point.RIGHT_WAIST_CORNER }) {
			back = Math.min(back, skeleton.get(corner).x());
		}
		return back;
	}

}
