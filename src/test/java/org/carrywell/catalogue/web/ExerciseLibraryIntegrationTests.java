package org.carrywell.catalogue.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The library pages, on the test catalogue (kept apart from the real one so these tests stay stable). */
@SpringBootTest(properties = { "carrywell.catalogue.location=classpath:catalogue-test/",
		"carrywell.learn.location=classpath:learn-test/",
		// These tests read the model and view: the copies kept for visitors are tested over a real port.
		"carrywell.public-pages.cache-megabytes=0" })
@AutoConfigureMockMvc
class ExerciseLibraryIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listsEveryExerciseWithTheFilterForm() throws Exception {
		mvc.perform(get("/exercises"))
			.andExpect(status().isOk())
			.andExpect(view().name(ExerciseLibraryController.VIEW_LIBRARY))
			.andExpect(content().string(containsString("4 exercises match")))
			.andExpect(content().string(containsString("href=\"/exercises/wall-tilt\"")))
			.andExpect(content().string(containsString("name=\"area\" value=\"LOWER_BACK\"")))
			.andExpect(content().string(containsString("<html lang=\"en\"")));
	}

	@Test
	void filtersCombineAndTheChosenValuesStayTicked() throws Exception {
		mvc.perform(get("/exercises").param("area", "HIPS").param("trimester", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 exercise matches")))
			.andExpect(content().string(containsString("Half-kneeling stretch")))
			.andExpect(content().string(not(containsString("href=\"/exercises/wall-tilt\""))))
			.andExpect(content().string(containsString("value=\"HIPS\" checked")))
			.andExpect(content().string(containsString("value=\"3\" checked")));
	}

	@Test
	void htmxGetsOnlyTheResultList() throws Exception {
		mvc.perform(get("/exercises").param("area", "UPPER_BACK").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name(ExerciseLibraryController.VIEW_RESULTS))
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("id=\"results\"")))
			.andExpect(content().string(containsString("hx-swap-oob")))
			.andExpect(content().string(containsString("Side-lying breathing")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void anUnknownFilterValueIsAFieldLevelMessageNotAnError() throws Exception {
		mvc.perform(get("/exercises").param("area", "<script>alert(1)</script>"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(ExerciseLibraryController.VIEW_LIBRARY))
			.andExpect(content().string(containsString("is not one of the choices for")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	@Test
	void showsAnExerciseInFull() throws Exception {
		mvc.perform(get("/exercises/wall-tilt"))
			.andExpect(status().isOk())
			.andExpect(view().name(ExerciseLibraryController.VIEW_EXERCISE))
			.andExpect(content().string(containsString("<h1>Wall tilt</h1>")))
			.andExpect(content().string(containsString("Stand at the wall.")))
			.andExpect(content().string(containsString("You feel dizzy.")))
			.andExpect(content().string(containsString("Stand further from the wall.")))
			.andExpect(content().string(containsString("2 sets of 10 repetitions, holding each for 4 seconds, with 30 seconds of rest between rounds")))
			.andExpect(content().string(containsString("href=\"/exercises/floor-tilt\"")))
			.andExpect(content().string(containsString("A test source.")))
			.andExpect(content().string(containsString("CC-BY-SA-4.0")));
	}

	@Test
	void linksTheOtherVariantsOfTheFamily() throws Exception {
		mvc.perform(get("/exercises/floor-tilt"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("More Tilts")))
			.andExpect(content().string(containsString("href=\"/exercises/wall-tilt\"")))
			.andExpect(content().string(containsString("https://example.org/other")));
	}

	@Test
	void anUnknownExerciseIsARealNotFoundPage() throws Exception {
		mvc.perform(get("/exercises/no-such-exercise"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/exercises/..%2F..%2Fetc"))
			.andExpect(status().is4xxClientError());
	}

}
