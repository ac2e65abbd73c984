package org.carrywell.catalogue.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = { "carrywell.catalogue.location=classpath:catalogue-test/",
		"carrywell.learn.location=classpath:learn-test/",
		// These tests read the model and view: the copies kept for visitors are tested over a real port.
		"carrywell.public-pages.cache-megabytes=0" })
@AutoConfigureMockMvc
class ExerciseApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void listsExercisesWithTheFieldsOfTheFiles() throws Exception {
		mvc.perform(get("/api/v1/exercises"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.count").value(4))
			.andExpect(jsonPath("$.exercises[?(@.id == 'wall-tilt')].position").value(hasItem("WALL_SUPPORTED")))
			.andExpect(jsonPath("$.exercises[?(@.id == 'wall-tilt')].targets.LOWER_BACK").value(hasItem(3)))
			.andExpect(jsonPath("$.exercises[?(@.id == 'wall-tilt')].trimesterNotes.3").value(hasItem("Stand further from the wall.")))
			.andExpect(jsonPath("$.exercises[?(@.id == 'wall-tilt')].dose.holdSeconds").value(hasItem(4)))
			.andExpect(jsonPath("$.exercises[?(@.id == 'wall-tilt')].durationSeconds").value(hasItem(170)))
			.andExpect(jsonPath("$.exercises[?(@.id == 'wall-tilt')].harder").value(hasItem("floor-tilt")));
	}

	@Test
	void filtersByTrimesterAndArea() throws Exception {
		mvc.perform(get("/api/v1/exercises?trimester=3&area=LOWER_BACK"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.count").value(3))
			.andExpect(jsonPath("$.exercises[*].trimesters", everyItem(hasItem(3))))
			.andExpect(jsonPath("$.exercises[*].targets.LOWER_BACK", everyItem(org.hamcrest.Matchers.greaterThan(0))))
			.andExpect(jsonPath("$.exercises[0].id").value("wall-tilt"));
	}

	@Test
	void repeatedValuesAreAlternatives() throws Exception {
		mvc.perform(get("/api/v1/exercises?position=SUPINE&position=SIDE_LYING"))
			.andExpect(jsonPath("$.exercises[*].id", hasItems("floor-tilt", "side-breath")))
			.andExpect(jsonPath("$.count").value(2));
	}

	@Test
	void anUnknownValueIsAProblemNamingTheParameterAndTheAllowedValues() throws Exception {
		mvc.perform(get("/api/v1/exercises?area=NOPE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Bad Request"))
			.andExpect(jsonPath("$.detail", containsString("'area'")))
			.andExpect(jsonPath("$.instance").value("/api/v1/exercises"))
			.andExpect(jsonPath("$.errors[0].parameter").value("area"))
			.andExpect(jsonPath("$.errors[0].value").value("NOPE"))
			.andExpect(jsonPath("$.errors[0].allowedValues", hasItems("LOWER_BACK", "HIPS")));
	}

	@Test
	void everyBadParameterIsNamed() throws Exception {
		mvc.perform(get("/api/v1/exercises?trimester=9&category=NAPPING&equipment=SOFA"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].parameter", hasItems("trimester", "category", "equipment")))
			.andExpect(jsonPath("$.errors[?(@.parameter == 'equipment')].allowedValues[*]", hasItem("NONE")));
	}

	@Test
	void oneExercise() throws Exception {
		mvc.perform(get("/api/v1/exercises/half-kneel-stretch"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("half-kneel-stretch"))
			.andExpect(jsonPath("$.features[0]").value("ASYMMETRIC_STANCE"))
			.andExpect(jsonPath("$.dose.perSide").value(true))
			.andExpect(jsonPath("$.dose.reps").doesNotExist())
			.andExpect(jsonPath("$.trimesters", is(java.util.List.of(2, 3))));
	}

	@Test
	void anUnknownIdIsANotFoundProblem() throws Exception {
		mvc.perform(get("/api/v1/exercises/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("No exercise with id 'nothing-here'"));
	}

	@Test
	void answersCarryTheCatalogueVersionAsETag() throws Exception {
		String etag = mvc.perform(get("/api/v1/exercises/wall-tilt"))
			.andExpect(header().exists("ETag"))
			.andExpect(header().string("Cache-Control", containsString("max-age=300")))
			.andReturn()
			.getResponse()
			.getHeader("ETag");
		mvc.perform(get("/api/v1/exercises/wall-tilt").header("If-None-Match", etag)).andExpect(status().isNotModified());
	}

	@Test
	void publishesAnOpenApiDocument() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi", containsString("3.")))
			.andExpect(jsonPath("$.paths['/api/v1/exercises'].get.parameters[*].name",
					hasItems("trimester", "area", "position", "equipment", "category")))
			.andExpect(jsonPath("$.paths['/api/v1/exercises/{id}']").exists());
	}

}
