package org.carrywell.illustration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.Trimester;
import org.carrywell.catalogue.internal.CatalogueFiles;

/** Every exercise of the real catalogue, drawn in every trimester it suits. */
class IllustrationTests {

	private static final Catalogue CATALOGUE = CatalogueFiles.realCatalogue();

	/** The budget of one inline drawing: small enough that a page of cards stays light. */
	private static final int MAX_BYTES = 8 * 1024;

	private static final Pattern ID = Pattern.compile(" id=\"([^\"]+)\"");

	private static final Pattern HREF = Pattern.compile(" href=\"#([^\"]+)\"");

	static Stream<Arguments> drawings() {
		return CATALOGUE.exercises()
			.stream()
			.flatMap(exercise -> exercise.trimesters().stream().map(trimester -> Arguments.of(exercise, trimester)));
	}

	static Stream<Exercise> exercises() {
		return CATALOGUE.exercises().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("exercises")
	void everyDrawingIsABodyThatCouldHoldThePose(Exercise exercise) {
		assertThat(PlausibilityCheck.check(exercise)).as(exercise.id().value()).isEmpty();
	}

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("drawings")
	void stillAndAnimationAreSmallWellFormedSvgWithoutStyleOrScript(Exercise exercise, Trimester trimester)
			throws Exception {
		Illustration drawing = Illustrator.draw(exercise, trimester);
		for (String svg : List.of(drawing.still(), drawing.animation(), drawing.frames())) {
			String unique = Illustration.unique(svg, "t-");
			Document document = parse(unique);
			assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
			assertThat(unique).doesNotContain("style", "<script", "on" + "load=", "@@");
			assertThat(document.getDocumentElement().getAttribute("aria-hidden")).isEqualTo("true");
			var ids = new HashSet<String>();
			ID.matcher(unique).results().forEach(match -> assertThat(ids.add(match.group(1))).as("unique id").isTrue());
			HREF.matcher(unique).results().forEach(match -> assertThat(ids).contains(match.group(1)));
			assertThat(unique).as("a bump is drawn").contains("class=\"bp\"");
		}
		assertThat(bytes(drawing.still())).isLessThan(MAX_BYTES);
		assertThat(bytes(drawing.animation())).isLessThan(MAX_BYTES);
		assertThat(drawing.animation()).contains("<animate attributeName=\"d\"", "repeatCount=\"indefinite\"");
		assertThat(drawing.seconds()).isPositive();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("exercises")
	void theSameExerciseAlwaysGivesTheSameDrawing(Exercise exercise) {
		Trimester trimester = exercise.trimesters().iterator().next();
		assertThat(Illustrator.draw(exercise, trimester)).isEqualTo(Illustrator.draw(exercise, trimester));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("exercises")
	void theBumpGrowsWithTheTrimester(Exercise exercise) {
		double previous = 0;
		for (Trimester trimester : exercise.trimesters()) {
			double radius = new Scene(exercise, trimester).start().bumpRadius();
			assertThat(radius).isGreaterThan(previous);
			previous = radius;
		}
	}

	private static int bytes(String svg) {
		return svg.getBytes(StandardCharsets.UTF_8).length;
	}

	private static Document parse(String svg) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

}
