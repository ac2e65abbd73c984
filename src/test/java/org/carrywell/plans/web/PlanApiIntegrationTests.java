package org.carrywell.plans.web;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
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

/** The plan API on the real catalogue. */
@SpringBootTest
@AutoConfigureMockMvc
class PlanApiIntegrationTests {

	private static final String ALL_NO = """
			{"HEART_DISEASE": false, "RESTRICTIVE_LUNG_DISEASE": false, "CERVICAL_INSUFFICIENCY_OR_CERCLAGE": false,
			 "PERSISTENT_BLEEDING": false, "PLACENTA_PREVIA": false, "PRETERM_LABOUR": false, "RUPTURED_MEMBRANES": false,
			 "PREECLAMPSIA_OR_GESTATIONAL_HYPERTENSION": false, "SEVERE_ANAEMIA": false, "FETAL_GROWTH_RESTRICTION": false,
			 "MULTIPLE_PREGNANCY_HIGH_ORDER_OR_LATE": false, "UNCONTROLLED_DIABETES_HYPERTENSION_OR_THYROID": false,
			 "ANAEMIA": false, "UNEVALUATED_ARRHYTHMIA": false, "CHRONIC_BRONCHITIS": false, "EXTREME_OBESITY": false,
			 "EXTREME_UNDERWEIGHT": false, "ORTHOPAEDIC_LIMITATIONS": false, "UNCONTROLLED_SEIZURES": false,
			 "HEAVY_SMOKER": false, "EATING_DISORDER_OR_MALNUTRITION": false, "MULTIPLE_PREGNANCY": false,
			 "RECURRENT_MISCARRIAGE": false, "PREVIOUS_PRETERM_BIRTH": false, "OTHER_MEDICAL_CONDITION": false,
			 "OTHER_CONCERN": false}""";

	@Autowired
	MockMvc mvc;

	private ResultActions postPlan(String json) throws Exception {
		return mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).content(json));
	}

	@Test
	void buildsAWeekWithReasonsAndWhatWasLeftOut() throws Exception {
		postPlan("""
				{"weeksPregnant": 24, "screening": {"answers": %s}, "painAreas": {"LOWER_BACK": 6}, "conditions": [],
				 "minutesPerSession": 15, "sessionsPerWeek": 4, "equipment": ["MAT", "CHAIR", "WALL"], "floorOk": true, "priorActivity": "ACTIVE"}"""
			.formatted(ALL_NO))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("READY"))
			.andExpect(jsonPath("$.trimester").value(2))
			.andExpect(jsonPath("$.sessions", hasSize(4)))
			.andExpect(jsonPath("$.sessions[*].totalSeconds", everyItem(lessThanOrEqualTo(900))))
			.andExpect(jsonPath("$.sessions[0].items[0].category").value("BREATHING"))
			.andExpect(jsonPath("$.sessions[0].items[0].reasons[0].kind").value("ARRIVE"))
			.andExpect(jsonPath("$.sessions[0].items[*].reasons[*].text", hasItem("Helps with: Lower back")))
			.andExpect(jsonPath("$.excluded[?(@.exerciseId == 'pelvic-tilt-supine')].reasons[*].rule",
					hasItem("NO_SUPINE_FROM_WEEK_16")))
			.andExpect(jsonPath("$.excluded[?(@.exerciseId == 'pelvic-tilt-supine')].alternatives[*]",
					hasItem("pelvic-tilt-wall")));
	}

	@Test
	void unansweredScreeningMeansClearanceNeededAndNotAdvisedMeansNoSessions() throws Exception {
		postPlan("""
				{"weeksPregnant": 20, "minutesPerSession": 10, "sessionsPerWeek": 2}""")
			.andExpect(jsonPath("$.status").value("CLEARANCE_NEEDED"))
			.andExpect(jsonPath("$.sessions", hasSize(2)));
		postPlan("""
				{"weeksPregnant": 30, "screening": {"answers": {"RUPTURED_MEMBRANES": true}}, "minutesPerSession": 10, "sessionsPerWeek": 2}""")
			.andExpect(jsonPath("$.status").value("NOT_ADVISED"))
			.andExpect(jsonPath("$.sessions", hasSize(0)));
	}

	@Test
	void badInputIsAProblemNamingTheField() throws Exception {
		postPlan("""
				{"weeksPregnant": 20, "minutesPerSession": 60, "sessionsPerWeek": 2}""")
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].parameter").value("minutesPerSession"));
		postPlan("""
				{"weeksPregnant": 20, "minutesPerSession": 15}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("sessionsPerWeek"));
		postPlan("""
				{"weeksPregnant": 20, "minutesPerSession": 15, "sessionsPerWeek": 3, "painAreas": {"KNEE": 3}}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("painAreas"));
		postPlan("""
				{"weeksPregnant": 20, "minutesPerSession": 15, "sessionsPerWeek": 3, "pinned": ["no-such-exercise"]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("pinned"));
		postPlan("""
				{"weeksPregnant": 20, "minutesPerSession": "lots", "sessionsPerWeek": 3}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("minutesPerSession"));
	}

}
