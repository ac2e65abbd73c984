package org.carrywell.plans.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.carrywell.safety.ScreeningQuestion;

@SpringBootTest
@AutoConfigureMockMvc
class SessionPlayerIntegrationTests {

	@Autowired
	MockMvc mvc;

	private static MockHttpServletRequestBuilder day(String path, int day) {
		var request = get(path).param("weeks", "24")
			.param("pain.LOWER_BACK", "5")
			.param("minutes", "10")
			.param("sessions", "3")
			.param("equipment", "CHAIR", "WALL")
			.param("day", String.valueOf(day));
		Arrays.stream(ScreeningQuestion.values()).forEach(question -> request.param(question.name(), "no"));
		return request;
	}

	@Test
	void asksPainAndTheQuickCheckFirst() throws Exception {
		mvc.perform(day("/session", 1))
			.andExpect(status().isOk())
			.andExpect(view().name(SessionPlayerController.VIEW_BEFORE))
			.andExpect(content().string(containsString("name=\"painBefore\"")))
			.andExpect(content().string(containsString("name=\"bleeding\" value=\"yes\" required")))
			.andExpect(content().string(containsString("type=\"hidden\" name=\"day\" value=\"1\"")));
	}

	@Test
	void theQuickCheckMustBeAnswered() throws Exception {
		mvc.perform(day("/session/play", 1).param("bleeding", "no"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please answer all three questions")));
	}

	@Test
	void anUrgentAnswerStopsBeforeTheSessionWithTheUrgencyPage() throws Exception {
		mvc.perform(day("/session/play", 1).param("bleeding", "yes").param("contractions", "no").param("faint", "no"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/warning-signs/result?symptom=VAGINAL_BLEEDING&symptom=FLUID_LEAKING&weeks=24"));
	}

	@Test
	void playsTheDayWithAListThatWorksWithoutJavaScript() throws Exception {
		mvc.perform(day("/session/play", 1).param("bleeding", "no").param("contractions", "no").param("faint", "no")
			.param("painBefore", "5"))
			.andExpect(status().isOk())
			.andExpect(view().name(SessionPlayerController.VIEW_PLAYER))
			.andExpect(content().string(containsString("Stop — something feels wrong")))
			.andExpect(content().string(containsString("href=\"/warning-signs?weeks=24\"")))
			.andExpect(content().string(containsString("<script type=\"application/json\" id=\"session-data\">")))
			.andExpect(content().string(containsString("\"breathe.in\":\"Breathe in…\"")))
			.andExpect(content().string(containsString("id=\"session-list\"")))
			.andExpect(content().string(not(containsString("</script><script>"))));
	}

	@Test
	void aLibraryExerciseCanBePlayedOnItsOwn() throws Exception {
		mvc.perform(get("/exercises/pelvic-tilt-wall/play"))
			.andExpect(status().isOk())
			.andExpect(view().name(SessionPlayerController.VIEW_BEFORE))
			.andExpect(content().string(containsString("type=\"hidden\" name=\"exercise\" value=\"pelvic-tilt-wall\"")));
		mvc.perform(get("/session").param("exercise", "pelvic-tilt-wall"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pelvic tilt at the wall")));
		mvc.perform(get("/exercises/no-such-thing/play")).andExpect(status().isNotFound());
	}

	@Test
	void thePlayerHasTheDrawingOfEachExerciseAndOfItsEasierVariantTimedForTheBreath() throws Exception {
		mvc.perform(get("/session/play").param("exercise", "pelvic-tilt-all-fours")
			.param("weeks", "30")
			.param("bleeding", "no")
			.param("contractions", "no")
			.param("faint", "no"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"player-figure\"")))
			.andExpect(content().string(containsString("data-exercise=\"pelvic-tilt-all-fours\" data-forward=\"1.5\" data-hold=\"5.0\"")))
			.andExpect(content().string(containsString("data-exercise=\"pelvic-tilt-wall\"")))
			.andExpect(content().string(containsString("<animate attributeName=\"d\"")));
	}

	@Test
	void aSessionThatDoesNotExistGoesBackToThePlan() throws Exception {
		mvc.perform(day("/session", 2)).andExpect(redirectedUrl("/plan"));
		mvc.perform(get("/session")).andExpect(redirectedUrl("/plan"));
	}

}
