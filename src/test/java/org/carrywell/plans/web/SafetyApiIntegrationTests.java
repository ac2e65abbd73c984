package org.carrywell.plans.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.carrywell.safety.ScreeningQuestion;

@SpringBootTest(properties = { "carrywell.catalogue.location=classpath:catalogue-test/",
		"carrywell.learn.location=classpath:learn-test/",
		// These tests read the model and view: the copies kept for visitors are tested over a real port.
		"carrywell.public-pages.cache-megabytes=0" })
@AutoConfigureMockMvc
class SafetyApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	private ResultActions postJson(String path, String json) throws Exception {
		return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void listsTheQuestions() throws Exception {
		mvc.perform(get("/api/v1/screening/questions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(ScreeningQuestion.values().length)))
			.andExpect(jsonPath("$[0].id").value("HEART_DISEASE"))
			.andExpect(jsonPath("$[0].group").value("CONDITIONS_NOW"))
			.andExpect(jsonPath("$[0].text").value("Heart disease"));
	}

	@Test
	void screensWithReasonsAndMissingAnswers() throws Exception {
		postJson("/api/v1/screening", """
				{"weeksPregnant": 24, "answers": {"ANAEMIA": true, "HEART_DISEASE": false}}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("CLEARANCE_NEEDED"))
			.andExpect(jsonPath("$.reasons[0].question").value("ANAEMIA"))
			.andExpect(jsonPath("$.reasons[0].leadsTo").value("CLEARANCE_NEEDED"))
			.andExpect(jsonPath("$.reasons[0].sources", hasItem("ACOG804")))
			.andExpect(jsonPath("$.missing", hasItem("OTHER_CONCERN")));
		postJson("/api/v1/screening", """
				{"weeksPregnant": 27, "answers": {"PLACENTA_PREVIA": true}}""")
			.andExpect(jsonPath("$.outcome").value("NOT_ADVISED"));
	}

	@Test
	void badScreeningInputIsAProblemNamingTheField() throws Exception {
		postJson("/api/v1/screening", """
				{"weeksPregnant": 24, "answers": {"BROKEN_LEG": true}}""")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].parameter").value("answers.BROKEN_LEG"));
		postJson("/api/v1/screening", """
				{"weeksPregnant": 43, "answers": {}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("weeksPregnant"));
		postJson("/api/v1/screening", """
				{"answers": {}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("weeksPregnant"));
		postJson("/api/v1/screening", """
				{"weeksPregnant": "many"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("weeksPregnant"));
		postJson("/api/v1/screening", """
				{"weeksPregnant": 20, "answers": {"ANAEMIA": "perhaps"}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("answers.ANAEMIA"));
		postJson("/api/v1/screening", "{not json")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("not valid JSON")));
		postJson("/api/v1/screening", """
				{"dueDate": "next spring"}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("dueDate"));
	}

	@Test
	void warningSignsGiveTheHighestUrgencyAndAdvice() throws Exception {
		postJson("/api/v1/warning-signs", """
				{"weeksPregnant": 30, "symptoms": ["FEVER_OR_CHILLS", "PAIN_DISTURBS_SLEEP"]}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.urgency").value("CALL_PROVIDER_NOW"))
			.andExpect(jsonPath("$.stopExercise").value(true))
			.andExpect(jsonPath("$.adviceKind").value("CALL_PROVIDER_NOW"))
			.andExpect(jsonPath("$.advice", containsString("now, without waiting")))
			.andExpect(jsonPath("$.reasons[0].symptom").value("FEVER_OR_CHILLS"));
		postJson("/api/v1/warning-signs", """
				{"symptoms": ["HICCUPS"]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("symptoms"));
	}

	@Test
	void judgesEveryExerciseWithReasons() throws Exception {
		postJson("/api/v1/safety/exercises", """
				{"weeksPregnant": 24, "conditions": [], "pain": {"LOWER_BACK": 5}, "equipment": ["WALL", "MAT", "PILLOW", "CHAIR"], "floorOk": true}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.trimester").value(2))
			.andExpect(jsonPath("$.exercises", hasSize(4)))
			.andExpect(jsonPath("$.exercises[?(@.id == 'floor-tilt')].allowed").value(hasItem(false)))
			.andExpect(jsonPath("$.exercises[?(@.id == 'floor-tilt')].reasons[*].rule").value(hasItem("NO_SUPINE_FROM_WEEK_16")))
			.andExpect(jsonPath("$.exercises[?(@.id == 'floor-tilt')].saferVariants[*]").value(hasItem("wall-tilt")))
			.andExpect(jsonPath("$.exercises[?(@.id == 'wall-tilt')].allowed").value(hasItem(true)));
	}

	@Test
	void badSafetyInputIsAProblemNamingTheField() throws Exception {
		postJson("/api/v1/safety/exercises", """
				{"weeksPregnant": 24, "pain": {"LOWER_BACK": 11}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("pain.LOWER_BACK"));
		postJson("/api/v1/safety/exercises", """
				{"weeksPregnant": 24, "conditions": ["GROUCHY"]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("conditions"));
		postJson("/api/v1/safety/exercises", """
				{"weeksPregnant": 24, "pain": {"ELBOW": 3}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("pain"));
		postJson("/api/v1/safety/exercises", """
				{"weeksPregnant": 24, "equipment": ["SOFA"]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("equipment"));
	}

}
