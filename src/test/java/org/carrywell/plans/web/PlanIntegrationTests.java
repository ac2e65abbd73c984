package org.carrywell.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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

/** The plan journey after the check, on the real catalogue. */
@SpringBootTest
@AutoConfigureMockMvc
class PlanIntegrationTests {

	/** The day the week is given on: an address without it is dated by a redirect first. */
	private static final String TODAY = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

	@Autowired
	MockMvc mvc;

	private static MockHttpServletRequestBuilder checked(String path) {
		var request = get(path).param("weeks", "24").param("asOf", TODAY);
		Arrays.stream(ScreeningQuestion.values()).forEach(question -> request.param(question.name(), "no"));
		return request;
	}

	private static MockHttpServletRequestBuilder aWeek(String path) {
		return checked(path).param("pain.LOWER_BACK", "6")
			.param("pain.HIPS", "3")
			.param("minutes", "15")
			.param("sessions", "4")
			.param("equipment", "MAT", "CHAIR", "WALL")
			.param("floor", "yes")
			.param("activity", "ACTIVE");
	}

	@Test
	void startsWithTheCheck() throws Exception {
		mvc.perform(get("/plan"))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanController.VIEW_START))
			.andExpect(content().string(containsString("href=\"/check\"")));
	}

	@Test
	void afterTheCheckAsksWhereItHurtsWithABodyMapAndRealControls() throws Exception {
		mvc.perform(checked("/plan"))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanController.VIEW_FORM))
			.andExpect(content().string(containsString("<svg class=\"body-map\"")))
			.andExpect(content().string(containsString("role=\"img\"")))
			.andExpect(content().string(containsString("type=\"range\" min=\"0\" max=\"10\" step=\"1\" id=\"pain-LOWER_BACK\" name=\"pain.LOWER_BACK\"")))
			.andExpect(content().string(containsString("<label for=\"pain-LOWER_BACK\">")))
			.andExpect(content().string(containsString("type=\"hidden\" name=\"ANAEMIA\" value=\"no\"")))
			.andExpect(content().string(containsString("src=\"/js/plan-form")));
	}

	@Test
	void buildsTheWeekAndItsAddressGivesTheSamePlanAgain() throws Exception {
		String first = mvc.perform(aWeek("/plan/week"))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanController.VIEW_WEEK))
			.andExpect(content().string(containsString("Session 1: Monday")))
			.andExpect(content().string(containsString("Session 4: Sunday")))
			.andExpect(content().string(containsString("Helps with: Lower back")))
			.andExpect(content().string(containsString("Not in your plan, and why")))
			.andExpect(content().string(containsString("Lies flat on the back: from week 16")))
			.andReturn().getResponse().getContentAsString();
		String second = mvc.perform(aWeek("/plan/week")).andReturn().getResponse().getContentAsString();
		assertThat(second).isEqualTo(first);
	}

	@Test
	void clearanceNeededShowsABannerAndNotAdvisedGivesNoPlan() throws Exception {
		mvc.perform(aWeek("/plan/week").param("ANAEMIA", "yes"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Talk to your provider before you start")))
			.andExpect(content().string(containsString("Session 1")));
		mvc.perform(aWeek("/plan/week").param("RUPTURED_MEMBRANES", "yes"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("We have not made a plan")))
			.andExpect(content().string(not(containsString("Session 1"))));
	}

	@Test
	void badInputGoesBackToTheFormWithAMessage() throws Exception {
		mvc.perform(checked("/plan/week").param("minutes", "90"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(PlanController.VIEW_FORM))
			.andExpect(content().string(containsString("Please choose between 5 and 45 minutes.")));
		mvc.perform(checked("/plan/week").param("pain.HIPS", "eleven"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Please choose a number from 0 to 10.")));
		mvc.perform(aWeek("/plan/week").param("equipment", "SOFA")).andExpect(status().isBadRequest());
	}

	@Test
	void printsForTheFridge() throws Exception {
		mvc.perform(aWeek("/plan/print"))
			.andExpect(status().isOk())
			.andExpect(view().name(PlanController.VIEW_PRINT))
			.andExpect(content().string(containsString("plan-print")))
			// Paper cannot move: each exercise is drawn as its positions side by side, with their words.
			.andExpect(content().string(containsString("class=\"illustration illustration--frames\"")))
			.andExpect(content().string(containsString("Drawing of the movement, position by position:")));
	}

	@Test
	void downloadsTheWeekAsACalendarThatStopsAtTheNextWeekThatChangesAnything() throws Exception {
		String ics = mvc.perform(aWeek("/plan/calendar.ics").param("time", "07:30").param("start", TODAY))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/calendar")))
			.andExpect(header().string("Content-Disposition", containsString("carrywell-plan.ics")))
			.andReturn().getResponse().getContentAsString();
		// Week 24 today: week 26 (placenta praevia) is two weeks away, so each series runs twice at most.
		assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("T073000").doesNotContain("COUNT=3")
			.doesNotContain("COUNT=4").contains("Make your Carrywell plan again for week 26");
		assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(6);
		mvc.perform(aWeek("/plan/calendar.ics").param("time", "teatime")).andExpect(status().isBadRequest());
		// A first day after the pregnancy's week 42 is refused by name, not made into an empty calendar.
		String later = java.time.LocalDate.parse(TODAY).plusYears(1).toString();
		mvc.perform(aWeek("/plan/calendar.ics").param("start", later))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\"parameter\":\"start\"")));
	}

	@Test
	void anAddressWithAWeekIsDatedAndOpenedLaterIsMadeForTheWeekShesInThen() throws Exception {
		mvc.perform(get("/plan/week").param("weeks", "24"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("asOf=" + TODAY)));
		String later = java.time.LocalDate.parse(TODAY).minusWeeks(2).toString();
		mvc.perform(get("/plan/week").params(paramsWith(aWeek("/plan/week"), "asOf", later)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You gave week 24")))
			.andExpect(content().string(containsString("made again for week 26")));
	}

	/** The request's parameters with one replaced. */
	private static org.springframework.util.MultiValueMap<String, String> paramsWith(MockHttpServletRequestBuilder request,
			String name, String value) {
		var built = request.buildRequest(new org.springframework.mock.web.MockServletContext());
		var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
		built.getParameterMap().forEach((key, values) -> params.put(key, java.util.List.of(values)));
		params.put(name, java.util.List.of(value));
		return params;
	}

}
