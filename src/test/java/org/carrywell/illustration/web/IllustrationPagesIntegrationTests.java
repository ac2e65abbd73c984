package org.carrywell.illustration.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The drawings on the pages that show exercises, on the test catalogue. */
@SpringBootTest(properties = { "carrywell.catalogue.location=classpath:catalogue-test/",
		"carrywell.learn.location=classpath:learn-test/",
		// These tests read the model and view: the copies kept for visitors are tested over a real port.
		"carrywell.public-pages.cache-megabytes=0" })
@AutoConfigureMockMvc
class IllustrationPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyLibraryCardShowsTheStartPositionWithItsWords() throws Exception {
		mvc.perform(get("/exercises"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"illustration illustration--still\"")))
			.andExpect(content().string(containsString("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cw-fig\"")))
			.andExpect(content().string(containsString("Drawing: Standing against a wall.")))
			.andExpect(content().string(not(containsString("@@"))));
	}

	@Test
	void anExercisePageShowsTheMovementAndItsKeyframesInWords() throws Exception {
		mvc.perform(get("/exercises/wall-tilt"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"illustration__animation\"")))
			.andExpect(content().string(containsString("<animate attributeName=\"d\"")))
			.andExpect(content().string(containsString("class=\"illustration__frames\"")))
			.andExpect(content().string(containsString("<li>The pelvis tilts a little.</li>")));
	}

	@Test
	void theContactSheetShowsEveryExerciseInTheChosenTrimester() throws Exception {
		mvc.perform(get("/exercises/illustrations").param("trimester", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("All 4 exercises")))
			.andExpect(content().string(containsString("id=\"side-breath\"")))
			.andExpect(content().string(containsString("aria-current=\"page\">1st trimester")));
	}

	@Test
	void theContactSheetAnswersANonsenseTrimesterWithAPageNamingIt() throws Exception {
		for (String nonsense : new String[] { "nine", "9" }) {
			mvc.perform(get("/exercises/illustrations").param("trimester", nonsense))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("trimester")));
		}
	}

	@Test
	void libraryDrawingsShowTheBumpOfTheTrimesterFilteredBy() throws Exception {
		String first = bump(mvc.perform(get("/exercises").param("trimester", "1")).andReturn().getResponse()
			.getContentAsString());
		String third = bump(mvc.perform(get("/exercises").param("trimester", "3")).andReturn().getResponse()
			.getContentAsString());

		org.assertj.core.api.Assertions.assertThat(first).isNotEqualTo(third);
	}

	/** The outline of the first card's bump. */
	private static String bump(String page) {
		int at = page.indexOf("class=\"bp\" d=\"");
		return page.substring(at, page.indexOf('"', at + 16));
	}

}
