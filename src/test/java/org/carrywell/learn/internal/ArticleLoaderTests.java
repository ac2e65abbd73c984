package org.carrywell.learn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Cause;
import org.carrywell.catalogue.internal.CatalogueFiles;
import org.carrywell.system.ContentInvalidException;
import org.carrywell.system.ContentProblem;

class ArticleLoaderTests {

	private static final Catalogue CATALOGUE = CatalogueFiles.testCatalogue();

	@Test
	void readsHeaderAndBodyInOrder() {
		var articles = ArticleFiles.load("learn-test", CATALOGUE);

		assertThat(articles.all()).extracting("slug").containsExactly("why-it-hurts", "breathing");
		var article = articles.find("why-it-hurts").orElseThrow();
		assertThat(article.title()).isEqualTo("Why it hurts");
		assertThat(article.explains()).containsExactly(Cause.POSTURE_SHIFT, Cause.CORE_STRETCH);
		assertThat(article.links()).containsExactly("/exercises/wall-tilt", "/learn/breathing");
		assertThat(article.words()).isGreaterThan(10);
		assertThat(articles.explaining(Cause.STRESS)).map(a -> a.slug()).hasValue("breathing");
		assertThat(articles.explaining(Cause.LIGAMENT_LAXITY)).isEmpty();
	}

	@Test
	void rendersMarkdownButNeverRawHtml() {
		String html = ArticleFiles.load("learn-test", CATALOGUE).find("why-it-hurts").orElseThrow().html();

		assertThat(html).contains("<h2>What helps</h2>", "<a href=\"/exercises/wall-tilt\">wall tilt</a>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;regular&lt;/b&gt;")
			.doesNotContain("<script>", "<b>");
	}

	@Test
	void reportsABrokenLinkWithItsFile() {
		var files = edit("breathing", text -> text.replace("/exercises/side-breath", "/exercises/side-breathing")
			.replace("https://example.org/other", "http://example.org/insecure"));

		assertThatThrownBy(() -> ArticleLoader.load(files, CATALOGUE))
			.isInstanceOfSatisfying(ContentInvalidException.class, ex -> assertThat(ex.problems())
				.extracting(ContentProblem::toString)
				.contains("learn-test/breathing.md: field '(body)': links to /exercises/side-breathing, but there is no exercise 'side-breathing'")
				.anySatisfy(text -> assertThat(text).contains("http://example.org/insecure")));
	}

	@Test
	void reportsEveryHeaderProblem() {
		var files = edit("why-it-hurts", text -> text.replace("title: Why it hurts\n", "")
			.replace("explains: [POSTURE_SHIFT, CORE_STRETCH]", "explains: [POSTURE_SHIFT, BAD_LUCK]")
			.replace("sources: [TEST-SOURCE]", "sources: [NOWHERE]")
			.replace("licence: CC-BY-SA-4.0", "licence: MINE\ncolour: blue"));

		assertThatThrownBy(() -> ArticleLoader.load(files, CATALOGUE))
			.isInstanceOfSatisfying(ContentInvalidException.class, ex -> assertThat(ex.problems())
				.extracting(ContentProblem::field)
				.contains("title", "explains", "sources", "licence", "colour"));
	}

	@Test
	void eachCauseHasOneArticle() {
		var files = edit("breathing", text -> text.replace("explains: [STRESS]", "explains: [STRESS, POSTURE_SHIFT]"));

		assertThatThrownBy(() -> ArticleLoader.load(files, CATALOGUE)).hasMessageContaining(
				"POSTURE_SHIFT is already explained by");
	}

	@Test
	void theTitleIsTheOnlyLevelOneHeading() {
		var files = edit("breathing", text -> text + "\n# Another title\n");

		assertThatThrownBy(() -> ArticleLoader.load(files, CATALOGUE)).hasMessageContaining("level-1 heading");
	}

	@Test
	void aFileWithoutHeaderIsNamed() {
		var files = new ArrayList<>(ArticleFiles.onClasspath("learn-test"));
		files.add(new ArticleFile("learn-test/plain.md", "Just text."));

		assertThatThrownBy(() -> ArticleLoader.load(files, CATALOGUE))
			.hasMessageContaining("learn-test/plain.md: must start with a YAML header");
	}

	private static List<ArticleFile> edit(String slug, UnaryOperator<String> change) {
		return ArticleFiles.onClasspath("learn-test")
			.stream()
			.map(file -> file.slug().equals(slug) ? new ArticleFile(file.path(), change.apply(file.content())) : file)
			.toList();
	}

}
