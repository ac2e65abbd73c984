package org.carrywell.sessions.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

import org.carrywell.safety.PreSessionQuestion;
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
			.param("floor", "yes")
			.param("day", String.valueOf(day));
		Arrays.stream(ScreeningQuestion.values()).forEach(question -> request.param(question.name(), "no"));
		return request;
	}

	@Autowired
	SessionTokens tokens;

	/** Every question of the check before a session answered no, unless named, a moment ago. */
	MockHttpServletRequestBuilder allNo(MockHttpServletRequestBuilder request, PreSessionQuestion... yes) {
		for (PreSessionQuestion question : PreSessionQuestion.values()) {
			request.param(SessionController.QUESTION_PREFIX + question.name(),
					Arrays.asList(yes).contains(question) ? "yes" : "no");
		}
		return asked(request);
	}

	private MockHttpServletRequestBuilder asked(MockHttpServletRequestBuilder request) {
		return request.param(SessionController.ASKED, tokens.issue(SessionTokens.Purpose.PRE_SESSION_CHECK));
	}

	@Test
	void asksPainAndEveryGroupOfWarningSignsFirst() throws Exception {
		var body = mvc.perform(day("/session", 1).param("asOf", today()))
			.andExpect(status().isOk())
			.andExpect(view().name(SessionController.VIEW_BEFORE))
			.andExpect(content().string(containsString("name=\"painBefore\"")))
			.andExpect(content().string(containsString("type=\"hidden\" name=\"day\" value=\"1\"")))
			.andExpect(content().string(containsString("Stop and call if")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (PreSessionQuestion question : PreSessionQuestion.values()) {
			assertThat(body).contains("name=\"before." + question + "\" value=\"yes\" required");
		}
	}

	@Test
	void aWeekWithoutItsDayIsDatedFirst() throws Exception {
		mvc.perform(day("/session", 1)).andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("asOf=")));
	}

	@Test
	void everyQuestionMustBeAnswered() throws Exception {
		mvc.perform(asked(day("/session/play", 1).param("asOf", today()).param("before.BLEEDING_OR_FLUID", "no")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please answer every question")));
	}

	@Test
	void aYesOpensTheWarningSignCheckWithThatGroupOfferedAndNothingReported() throws Exception {
		mvc.perform(allNo(day("/session/play", 1).param("asOf", today()), PreSessionQuestion.LEGS_OR_NUMBNESS))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/warning-signs?offer=SADDLE_NUMBNESS_OR_BLADDER_BOWEL_CHANGE")))
			.andExpect(header().string("Location", containsString("offer=CALF_PAIN_OR_SWELLING")))
			.andExpect(header().string("Location", not(containsString("symptom="))))
			.andExpect(header().string("Location", containsString("return=")));
	}

	@Test
	void strongPainBeforeOffersTheWarningSignCheckThenTheEasiestVersion() throws Exception {
		mvc.perform(allNo(day("/session/play", 1).param("asOf", today()).param("painBefore", "8")))
			.andExpect(header().string("Location", containsString("offer=SEVERE_OR_WORSENING_PAIN")));
		mvc.perform(day("/session/play", 1).param("asOf", today()).param("painBefore", "8")
			.param("warningCheck", tokens.issue(SessionTokens.Purpose.WARNING_CHECK)))
			.andExpect(status().isOk())
			.andExpect(view().name(SessionController.VIEW_PLAYER));
	}

	@Test
	void afterStrongPainTheSessionIsItsEasiestVersionAllowedForHer() throws Exception {
		mvc.perform(get("/session/play").param("exercise", "cat-cow-all-fours")
			.param("weeks", "24")
			.param("asOf", today())
			.param("floor", "yes")
			.param("equipment", "MAT", "CHAIR")
			.param("painBefore", "9")
			.param("warningCheck", tokens.issue(SessionTokens.Purpose.WARNING_CHECK)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"items\":[{\"id\":\"cat-cow-seated\"")))
			.andExpect(content().string(not(containsString("\"id\":\"cat-cow-all-fours\""))));
	}

	@Test
	void playsTheDayWithAListThatWorksWithoutJavaScript() throws Exception {
		mvc.perform(allNo(day("/session/play", 1).param("asOf", today()).param("painBefore", "5")))
			.andExpect(status().isOk())
			.andExpect(view().name(SessionController.VIEW_PLAYER))
			.andExpect(content().string(containsString("Stop — something feels wrong")))
			.andExpect(content().string(containsString("href=\"/warning-signs?weeks=24\"")))
			.andExpect(content().string(containsString("<script type=\"application/json\" id=\"session-data\">")))
			.andExpect(content().string(containsString("\"breathe.in\":\"Breathe in…\"")))
			.andExpect(content().string(containsString("id=\"session-list\"")))
			.andExpect(content().string(containsString("\"stopIf\":[")))
			.andExpect(content().string(not(containsString("</script><script>"))));
	}

	@Test
	void aLibraryExerciseAsksHerContextThenPlays() throws Exception {
		mvc.perform(get("/exercises/pelvic-tilt-wall/play"))
			.andExpect(redirectedUrl("/session?exercise=pelvic-tilt-wall"));
		mvc.perform(get("/session").param("exercise", "pelvic-tilt-wall"))
			.andExpect(status().isOk())
			.andExpect(view().name(SessionController.VIEW_SETUP))
			.andExpect(content().string(containsString("name=\"weeks\"")))
			.andExpect(content().string(containsString("name=\"floor\"")));
		mvc.perform(get("/session").param("exercise", "pelvic-tilt-wall").param("weeks", "24").param("asOf", today())
			.param("floor", "no").param("equipment", "WALL"))
			.andExpect(status().isOk())
			.andExpect(view().name(SessionController.VIEW_BEFORE))
			.andExpect(content().string(containsString("Pelvic tilt at the wall")));
		mvc.perform(get("/exercises/no-such-thing/play")).andExpect(status().isNotFound());
		mvc.perform(get("/session").param("exercise", "no-such-thing")).andExpect(status().isNotFound());
	}

	@Test
	void theSetupNamesWhatIsMissing() throws Exception {
		mvc.perform(get("/session").param("exercise", "pelvic-tilt-wall").param("weeks", "24").param("asOf", today()))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(SessionController.VIEW_SETUP))
			.andExpect(content().string(containsString("Please choose yes or no.")));
	}

	@Test
	void thePlayerHasTheDrawingOfEachExerciseAndOfItsEasierVariantTimedForTheBreath() throws Exception {
		mvc.perform(allNo(get("/session/play").param("exercise", "pelvic-tilt-all-fours")
			.param("weeks", "30")
			.param("asOf", today())
			.param("floor", "yes")
			.param("equipment", "MAT", "WALL")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"player-figure\"")))
			.andExpect(content().string(containsString("data-exercise=\"pelvic-tilt-all-fours\" data-forward=\"1.5\" data-hold=\"5.0\"")))
			.andExpect(content().string(containsString("data-exercise=\"pelvic-tilt-wall\"")))
			.andExpect(content().string(containsString("<animate attributeName=\"d\"")));
	}

	@Test
	void theSpeedParameterIsOnlyForTests() throws Exception {
		mvc.perform(allNo(day("/session/play", 1).param("asOf", today()).param("speed", "20")))
			.andExpect(content().string(containsString("\"speed\":20")));
	}

	@Test
	void aSessionThatDoesNotExistGoesBackToThePlan() throws Exception {
		mvc.perform(day("/session", 2).param("asOf", today())).andExpect(header().string("Location", containsString("/plan/week?")));
		mvc.perform(get("/session")).andExpect(redirectedUrl("/plan"));
	}

	private static String today() {
		return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
	}

}
