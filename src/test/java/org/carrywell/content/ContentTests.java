package org.carrywell.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Cause;
import org.carrywell.catalogue.ExerciseTestData;
import org.carrywell.catalogue.Feature;
import org.carrywell.catalogue.PainArea;
import org.carrywell.catalogue.Position;
import org.carrywell.catalogue.internal.CatalogueFiles;
import org.carrywell.learn.Articles;
import org.carrywell.learn.internal.ArticleFiles;

/** The shipped exercises and articles keep the editorial rules (ContentChecks); a mistake fails the build. */
class ContentTests {

	/**
	 * Families whose whole point is the feature the rules may forbid, so no variant without it makes sense.
	 * The engine then leaves them out and the plan uses another family for the same area.
	 */
	static final Set<String> FAMILIES_WITHOUT_SAFE_VARIANT = Set.of("band-walk", "warrior-two", "butterfly",
			"supported-squat", "figure-four", "hip-extension");

	private static final Catalogue CATALOGUE = CatalogueFiles.realCatalogue();

	private static Articles articles() {
		return ArticleFiles.load("learn", CATALOGUE);
	}

	@Test
	void theCatalogueIsComplete() {
		assertThat(CATALOGUE.size()).isGreaterThanOrEqualTo(45);
		assertThat(CATALOGUE.exercises()).extracting(exercise -> exercise.category()).contains(Category.values());
	}

	@Test
	void someoneWhoCannotGetToTheFloorHasChoicesForEveryAreaEveryWeek() {
		assertThat(ContentChecks.enoughOffTheFloorChoices(CATALOGUE)).isEmpty();
	}

	@Test
	void restrictedExercisesHaveASafeVariantInTheirFamily() {
		assertThat(ContentChecks.safeVariantInFamily(CATALOGUE, FAMILIES_WITHOUT_SAFE_VARIANT)).isEmpty();
	}

	@Test
	void easierAndHarderLinksAreSymmetric() {
		assertThat(ContentChecks.symmetricLinks(CATALOGUE)).isEmpty();
	}

	@Test
	void everySourceResolves() {
		assertThat(ContentChecks.sourcesResolve(CATALOGUE)).isEmpty();
		articles().all().forEach(article -> assertThat(article.sources())
			.allSatisfy(key -> assertThat(CATALOGUE.source(key)).as(article.slug() + " cites " + key).isPresent()));
	}

	@Test
	void stepsAreWrittenInShortSentences() {
		assertThat(ContentChecks.plainSteps(CATALOGUE)).isEmpty();
	}

	@Test
	void articlesAreCompleteAndEveryCauseIsExplained() {
		Articles articles = articles();
		assertThat(articles.all()).hasSizeGreaterThanOrEqualTo(8);
		assertThat(ContentChecks.articleLength(articles.all())).isEmpty();
		for (Cause cause : Cause.values()) {
			assertThat(articles.explaining(cause)).as(cause.name()).isPresent();
		}
		// Every link resolves: the loader refuses an article with a broken link (ArticleLoaderTests).
		assertThat(articles.all()).allSatisfy(article -> assertThat(article.html()).isNotBlank());
	}

	@Test
	void theCardioAndMobilityProgrammesLinkTheirExercises() {
		var links = articles().all().stream().flatMap(article -> article.links().stream()).toList();
		CATALOGUE.exercises()
			.stream()
			.filter(exercise -> exercise.category() == Category.CARDIO)
			.forEach(exercise -> assertThat(links).as("an article links " + exercise.id()).contains("/exercises/" + exercise.id()));
	}

	@Test
	void theChecksCatchPlausibleMistakes() {
		var broken = CatalogueFiles.onClasspath("catalogue-content-mistakes").load();

		assertThat(ContentChecks.symmetricLinks(broken))
			.containsExactly("floor-bridge names wall-squeeze as easier, but wall-squeeze does not name it as harder");
		assertThat(ContentChecks.safeVariantInFamily(broken, Set.of()))
			.containsExactly("wide-stretch (wide) has no variant without WIDE_LEG");
		assertThat(ContentChecks.plainSteps(broken)).singleElement().asString().startsWith("wordy-wall:");
		assertThat(ContentChecks.enoughOffTheFloorChoices(broken)).contains("week 20, LEG_RADIATING: only 0 exercises off the floor");
	}

	@Test
	void sentenceLengthCountsSentencesNotSteps() {
		assertThat(ContentChecks.averageSentenceWords(List.of("Stand tall. Breathe out.", "Relax your shoulders now.")))
			.isEqualTo(8.0 / 3);
		var exercise = ExerciseTestData.anExercise().inPosition(Position.STANDING).withFeatures(Feature.WIDE_LEG)
			.targeting(PainArea.HIPS, 2).build();
		assertThat(ContentChecks.restricted(exercise)).isTrue();
	}

}
