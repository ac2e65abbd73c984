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

	@Autowired
	MockMvc mvc;

	private static MockHttpServletRequestBuilder checked(String path) {
		var request = get(path).param("weeks", "24");
		Arrays.stream(ScreeningQuestion.values()).forEach(question -> request.param(question.name(), "no"));
		return request;
	}

	private static MockHttpServletRequestBuilder aWeek(String path) {
		return checked(path).param("pain.LOWER_BACK", "6")
			.param("pain.HIPS", "3")
			.param("minutes", "15")
			.param("sessions", "4")
			.param("equipment", "MAT", "CHAIR", "WALL")
			.param("floor", "yes");
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
	void downloadsTheWeekAsACalendar() throws Exception {
		String ics = mvc.perform(aWeek("/plan/calendar.ics").param("time", "07:30").param("start", "2026-11-30"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/calendar")))
			.andExpect(header().string("Content-Disposition", containsString("carrywell-plan.ics")))
			.andReturn().getResponse().getContentAsString();
		assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("RRULE:FREQ=WEEKLY;COUNT=4")
			.contains("DTSTART:20261130T073000").contains("DTSTART:20261206T073000");
		assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(5);
		mvc.perform(aWeek("/plan/calendar.ics").param("time", "teatime")).andExpect(status().isBadRequest());
	}

}
