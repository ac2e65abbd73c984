package org.carrywell.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.internal.CatalogueFiles;

/** Every rule names its sources, and every source it names is one the catalogue can cite in full. */
class RuleSourcesTests {

	private static final Catalogue CATALOGUE = CatalogueFiles.realCatalogue();

	@Test
	void everySourceKeyTheEngineNamesIsInTheCatalogue() {
		var keys = new ArrayList<String>();
		Stream.concat(ExerciseRules.FORBIDDING.stream(), ExerciseRules.CAUTIONING.stream())
			.forEach(rule -> keys.addAll(rule.sources()));
		Stream.of(Symptom.values()).forEach(symptom -> keys.addAll(symptom.sources()));
		keys.addAll(ScreeningQuestion.SOURCES);
		assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(CATALOGUE.source(key)).as(key).isPresent());
	}

	@Test
	void everyWarningSignNamesASource() {
		assertThat(Symptom.values()).allSatisfy(symptom -> assertThat(symptom.sources()).as(symptom.name()).isNotEmpty());
	}

}
