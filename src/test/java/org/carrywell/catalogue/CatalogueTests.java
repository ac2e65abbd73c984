package org.carrywell.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.internal.CatalogueFiles;

/** The real catalogue, as shipped: a broken or incomplete exercise file fails the build here. */
class CatalogueTests {

	/** The eight exercise families of the source article, which the catalogue must always carry. */
	static final List<String> ARTICLE_FAMILIES = List.of("pelvic-tilt", "cat-cow", "seated-side-bend", "childs-pose",
			"hip-flexor-stretch", "clamshell", "prenatal-yoga-flow", "diaphragmatic-breathing");

	private final Catalogue catalogue = CatalogueFiles.realCatalogue();

	@Test
	void loadsWithoutProblems() {
		assertThat(catalogue.size()).isGreaterThanOrEqualTo(ARTICLE_FAMILIES.size());
		assertThat(catalogue.version()).hasSize(16);
	}

	@Test
	void carriesEveryFamilyOfTheArticleForEveryTrimester() {
		for (String family : ARTICLE_FAMILIES) {
			var trimesters = EnumSet.noneOf(Trimester.class);
			catalogue.exercises().stream().filter(e -> e.family().equals(family)).forEach(e -> trimesters.addAll(e.trimesters()));
			assertThat(trimesters).as("trimesters covered by family %s", family).containsExactlyInAnyOrder(Trimester.values());
		}
	}

	@Test
	void everyExerciseIsWrittenInFull() {
		assertThat(catalogue.exercises()).allSatisfy(exercise -> {
			assertThat(exercise.steps()).as("%s steps", exercise.id()).hasSizeBetween(4, 8);
			assertThat(exercise.formCues()).as("%s formCues", exercise.id()).hasSizeBetween(2, 4);
			assertThat(exercise.commonMistakes()).as("%s commonMistakes", exercise.id()).hasSizeBetween(2, 3);
			assertThat(exercise.stopIf()).as("%s stopIf", exercise.id()).isNotEmpty();
			assertThat(exercise.sources()).as("%s sources", exercise.id()).isNotEmpty();
			assertThat(exercise.targets()).as("%s targets", exercise.id()).isNotEmpty();
		});
	}

	@Test
	void lyingOnTheBackOrFrontIsOnlyOfferedEarlyInPregnancy() {
		assertThat(catalogue.exercises()).filteredOn(e -> e.position() == Position.SUPINE || e.position() == Position.PRONE)
			.allSatisfy(exercise -> assertThat(exercise.trimesters()).as(exercise.id().value()).containsExactly(Trimester.FIRST));
	}

	@Test
	void declaresTheFeaturesItsPositionImplies() {
		assertThat(catalogue.exercises()).filteredOn(e -> e.position() == Position.HALF_KNEELING)
			.allSatisfy(exercise -> assertThat(exercise.features()).as(exercise.id().value()).contains(Feature.ASYMMETRIC_STANCE));
	}

	@Test
	void everyFamilyMemberCanBeFoundFromTheOthers() {
		for (Exercise exercise : catalogue.exercises()) {
			assertThat(catalogue.family(exercise.family())).as(exercise.id().value()).isPresent();
			catalogue.otherVariantsOf(exercise).forEach(variant -> assertThat(variant.family()).isEqualTo(exercise.family()));
		}
	}

}
