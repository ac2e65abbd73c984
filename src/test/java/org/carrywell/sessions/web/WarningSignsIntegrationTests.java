package org.carrywell.sessions.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = { "carrywell.catalogue.location=classpath:catalogue-test/",
		"carrywell.learn.location=classpath:learn-test/",
		// These tests read the model and view: the copies kept for visitors are tested over a real port.
		"carrywell.public-pages.cache-megabytes=0" })
@AutoConfigureMockMvc
class WarningSignsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void everyPageLinksToTheWarningSigns() throws Exception {
		for (String page : new String[] { "/", "/exercises", "/learn", "/check" }) {
			mvc.perform(get(page)).andExpect(content().string(containsString("href=\"/warning-signs\"")));
		}
	}

	@Test
	void offersEverySymptom() throws Exception {
		mvc.perform(get("/warning-signs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"CHEST_PAIN\"")))
			.andExpect(content().string(containsString("value=\"PAIN_DISTURBS_SLEEP\"")));
	}

	@Test
	void anEmergencyIsTheFirstThingOnThePage() throws Exception {
		String body = mvc.perform(get("/warning-signs/result").param("symptom", "PAIN_DISTURBS_SLEEP").param("symptom", "CHEST_PAIN"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<title>Get help now")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String afterBody = body.substring(body.indexOf("<body>") + "<body>".length()).strip();
		org.assertj.core.api.Assertions.assertThat(afterBody)
			.startsWith("<!-- An emergency is the first thing")
			.contains("<div class=\"emergency-banner\" role=\"alert\">");
		org.assertj.core.api.Assertions.assertThat(afterBody.indexOf("emergency-banner"))
			.isLessThan(afterBody.indexOf("site-header"));
		org.assertj.core.api.Assertions.assertThat(afterBody).contains("Call your local emergency number or your maternity unit now");
	}

	@Test
	void aCallNowStopsExercise() throws Exception {
		mvc.perform(get("/warning-signs/result").param("symptom", "FEVER_OR_CHILLS"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Stop and call now")))
			.andExpect(content().string(containsString("now, without waiting")))
			.andExpect(content().string(not(containsString("today"))))
			.andExpect(content().string(containsString("will not start another session")))
			.andExpect(content().string(not(containsString("emergency-banner\""))));
	}

	@Test
	void contractionsDependOnTheWeekAndCountAsPretermWithoutIt() throws Exception {
		mvc.perform(get("/warning-signs/result").param("symptom", "REGULAR_PAINFUL_CONTRACTIONS"))
			.andExpect(content().string(containsString("<title>Get help now")));
		mvc.perform(get("/warning-signs/result").param("symptom", "REGULAR_PAINFUL_CONTRACTIONS").param("weeks", "38"))
			.andExpect(content().string(containsString("<title>You may be in labour: call now")));
	}

	@Test
	void fromTheCheckBeforeASessionTheGroupIsOfferedAndNothingIsTicked() throws Exception {
		mvc.perform(get("/warning-signs").param("offer", "CALF_PAIN_OR_SWELLING", "LEG_NUMBNESS_OR_WEAKNESS")
			.param("weeks", "24").param("return", "exercise=pelvic-tilt-wall&weeks=24"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"offered\"")))
			// A box to tick in the offered group (not just the hidden field that carries the offer along).
			.andExpect(content().string(containsString("type=\"checkbox\" name=\"symptom\" value=\"CALF_PAIN_OR_SWELLING\"")))
			.andExpect(content().string(not(containsString("checked"))));
	}

	@Test
	void aResultThatDoesNotStopLeadsBackToTheSessionWithoutAnythingTheLinkTriedToAnswer() throws Exception {
		mvc.perform(get("/warning-signs/result").param("symptom", "BACK_PAIN_OVER_TWO_WEEKS")
			.param("return", "exercise=pelvic-tilt-wall&weeks=24&spokeToProvider=yes&before.BLEEDING_OR_FLUID=no&painBefore=3"))
			.andExpect(content().string(containsString("href=\"/session/play?exercise=pelvic-tilt-wall&amp;weeks=24&amp;painBefore=3&amp;warningCheck=")))
			.andExpect(content().string(not(containsString("spokeToProvider"))))
			.andExpect(content().string(not(containsString("before.BLEEDING_OR_FLUID"))));
		// Offered signs and nothing ticked: she is asked once more before she goes on.
		mvc.perform(get("/warning-signs/result").param("offer", "CALF_PAIN_OR_SWELLING")
			.param("return", "exercise=pelvic-tilt-wall&weeks=24"))
			.andExpect(content().string(containsString("id=\"nothing-ticked\"")))
			.andExpect(content().string(containsString("None of these is happening")));
		mvc.perform(get("/warning-signs/result").param("symptom", "CALF_PAIN_OR_SWELLING")
			.param("return", "exercise=pelvic-tilt-wall&weeks=24"))
			.andExpect(content().string(not(containsString("/session/play"))));
	}

	@Test
	void nothingTickedIsCalm() throws Exception {
		mvc.perform(get("/warning-signs/result"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You did not tick any warning signs")));
	}

	@Test
	void badInputIsAMessageNotAnError() throws Exception {
		mvc.perform(get("/warning-signs/result").param("symptom", "HICCUPS"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("were not recognised")));
		mvc.perform(get("/warning-signs/result").param("weeks", "99"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("from 0 to 42")));
	}

	@Test
	void theTitleSaysTheUrgency() throws Exception {
		mvc.perform(get("/warning-signs/result").param("symptom", "BACK_PAIN_OVER_TWO_WEEKS"))
			.andExpect(content().string(containsString("<title>Mention it at your next appointment")))
			.andExpect(content().string(not(startsWith("x"))));
	}

}
