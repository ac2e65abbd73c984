package org.carrywell.illustration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Dose;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.internal.CatalogueFiles;

/** The animation's loop follows the dose, so that the player can keep the figure in step with the breath. */
class MotionTests {

	private static final Exercise BRIDGE = CatalogueFiles.realCatalogue().find("glute-bridge").orElseThrow();

	@Test
	void aRepetitionMovesOutInHalfTheTempoHoldsAndComesBack() {
		Motion motion = Motion.of(with(new Dose(2, 8, 3, null, null, 4, 30, false)));

		assertThat(motion.forward()).isEqualTo(2);
		assertThat(motion.hold()).isEqualTo(3);
		assertThat(motion.back()).isEqualTo(2);
		assertThat(motion.seconds()).isEqualTo(4 + 3);
		assertThat(motion.continuous()).isFalse();
	}

	@Test
	void aBreathOpensAndSettlesWithoutAHold() {
		Motion motion = Motion.of(with(new Dose(1, null, null, 10, null, 8, 0, false)));

		assertThat(motion.segments()).extracting(Motion.Segment::isHold).containsOnly(false);
		assertThat(motion.seconds()).isEqualTo(8);
	}

	@Test
	void aHeldStretchEasesInStaysAndEasesOut() {
		Motion motion = Motion.of(with(new Dose(1, null, 30, null, null, null, 0, true)));

		assertThat(motion.forward()).isEqualTo(Motion.STRETCH_EASE_SECONDS);
		assertThat(motion.hold()).isEqualTo(Motion.STRETCH_HOLD_SECONDS);
		assertThat(motion.seconds()).isEqualTo(10);
	}

	@Test
	void walkingGoesRoundAtAWalkingPace() {
		Exercise walking = CatalogueFiles.realCatalogue().find("walking").orElseThrow();
		Motion motion = Motion.of(walking);

		assertThat(walking.category()).isEqualTo(Category.CARDIO);
		assertThat(motion.continuous()).isTrue();
		assertThat(motion.segments()).hasSize(walking.poses().keyframes().size());
		assertThat(motion.seconds()).isLessThan(2.5);
	}

	private static Exercise with(Dose dose) {
		return new Exercise(BRIDGE.id(), BRIDGE.name(), BRIDGE.summary(), BRIDGE.category(), BRIDGE.family(), null, null,
				BRIDGE.position(), BRIDGE.equipment(), BRIDGE.targets(), BRIDGE.causes(), BRIDGE.trimesters(),
				BRIDGE.trimesterNotes(), BRIDGE.features(), dose, BRIDGE.steps(), BRIDGE.formCues(),
				BRIDGE.commonMistakes(), BRIDGE.stopIf(), BRIDGE.sources(), BRIDGE.author(), BRIDGE.licence(),
				BRIDGE.poses());
	}

}
