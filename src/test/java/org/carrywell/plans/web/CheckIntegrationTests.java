package org.carrywell.plans.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

@SpringBootTest(properties = { "carrywell.catalogue.location=classpath:catalogue-test/",
		"carrywell.learn.location=classpath:learn-test/",
		// These tests read the model and view: the copies kept for visitors are tested over a real port.
		"carrywell.public-pages.cache-megabytes=0" })
@AutoConfigureMockMvc
class CheckIntegrationTests {

	/** The day the week is given on: an address without it is dated by a redirect first. */
	private static final String TODAY = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

	@Autowired
	MockMvc mvc;

	private static MockHttpServletRequestBuilder allNo(String path, String weeks) {
		var request = get(path).param("weeks", weeks).param("asOf", TODAY);
		Arrays.stream(ScreeningQuestion.values()).forEach(question -> request.param(question.name(), "no"));
		return request;
	}

	@Test
	void asksEveryQuestionInItsGroup() throws Exception {
		var result = mvc.perform(get("/check")).andExpect(status().isOk()).andExpect(view().name(CheckController.VIEW_FORM));
		for (ScreeningQuestion question : ScreeningQuestion.values()) {
			result.andExpect(content().string(containsString("name=\"" + question + "\" value=\"yes\"")));
		}
		result.andExpect(content().string(containsString("Do you have any of these now?")))
			.andExpect(content().string(containsString("In an earlier pregnancy")));
	}

	@Test
	void allNoIsCleared() throws Exception {
		mvc.perform(allNo("/check/result", "20"))
			.andExpect(status().isOk())
			.andExpect(view().name(CheckController.VIEW_RESULT))
			.andExpect(content().string(containsString("You can start gently")))
			.andExpect(content().string(containsString("href=\"/exercises?trimester=2\"")))
			.andExpect(content().string(not(containsString("/check/sheet"))));
	}

	@Test
	void aRelativeReasonAsksForClearanceAndOffersTheSheet() throws Exception {
		mvc.perform(allNo("/check/result", "20").param("ANAEMIA", "yes"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Talk to your provider before you start")))
			.andExpect(content().string(containsString("Anaemia (low iron or blood count)")))
			.andExpect(content().string(containsString("/check/sheet?")));
	}

	@Test
	void anAbsoluteReasonIsNotAdvisedAndOffersNoExercises() throws Exception {
		mvc.perform(allNo("/check/result", "30").param("PLACENTA_PREVIA", "yes"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Please talk to your provider before you exercise")))
			.andExpect(content().string(not(containsString("See exercises for your trimester"))));
	}

	@Test
	void unansweredQuestionsAreListed() throws Exception {
		mvc.perform(get("/check/result").param("weeks", "12").param("asOf", TODAY).param("HEART_DISEASE", "no"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Talk to your provider before you start")))
			.andExpect(content().string(containsString("Questions you did not answer")));
	}

	@Test
	void aBadWeekIsAFieldMessageAndTheAnswersAreKept() throws Exception {
		mvc.perform(get("/check/result").param("weeks", "44").param("asOf", TODAY).param("ANAEMIA", "yes"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(CheckController.VIEW_FORM))
			.andExpect(content().string(containsString("Please give a whole number of weeks from 0 to 42.")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")))
			.andExpect(content().string(containsString("name=\"ANAEMIA\" value=\"yes\" checked")));
		mvc.perform(get("/check/result").param("weeks", "abc").param("asOf", TODAY)).andExpect(status().isBadRequest());
		mvc.perform(get("/check/result").param("dueDate", "2030-01-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("more than 42 weeks away")));
	}

	@Test
	void anUnknownQuestionIsRejectedNotIgnored() throws Exception {
		mvc.perform(allNo("/check/result", "20").param("BROKEN_LEG", "yes"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Some answers were not recognised")));
	}

	@Test
	void theSheetListsEveryAnswerForTheProvider() throws Exception {
		mvc.perform(allNo("/check/sheet", "24").param("RECURRENT_MISCARRIAGE", "yes"))
			.andExpect(status().isOk())
			.andExpect(view().name(CheckController.VIEW_SHEET))
			.andExpect(content().string(containsString("Weeks pregnant: 24")))
			.andExpect(content().string(containsString("Two or more miscarriages")))
			.andExpect(content().string(containsString("Questions to ask")))
			.andExpect(content().string(containsString("Talk to your provider before you start")));
	}

	@Test
	void changingTheAnswersStartsFromTheEarlierOnes() throws Exception {
		mvc.perform(get("/check").param("weeks", "24").param("asOf", TODAY).param("ANAEMIA", "yes"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"24\"")))
			.andExpect(content().string(containsString("name=\"ANAEMIA\" value=\"yes\" checked")));
	}

}
