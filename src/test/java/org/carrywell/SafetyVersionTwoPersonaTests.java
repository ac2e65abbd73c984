package org.carrywell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Category;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.Feature;
import org.carrywell.catalogue.PainArea;
import org.carrywell.planning.PlanGenerator;
import org.carrywell.planning.PlanRequest;
import org.carrywell.planning.WeeklyPlan;
import org.carrywell.safety.GestationalAge;
import org.carrywell.safety.PreSessionQuestion;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.safety.ScreeningQuestion;
import org.carrywell.sessions.web.SessionTokens;

/**
 * The eight findings of the clinical review that led to rule book v2, one persona each, tried the way she would
 * meet them: through the pages, the player, the calendar and the API. Each failed on the code before v2.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SafetyVersionTwoPersonaTests {

	private static final Set<Feature> PGP_FEATURES = Set.of(Feature.SINGLE_LEG_LOAD, Feature.WIDE_LEG,
			Feature.ASYMMETRIC_STANCE, Feature.DEEP_SQUAT);

	@Autowired
	MockMvc mvc;

	@Autowired
	Catalogue catalogue;

	@Autowired
	SessionTokens tokens;

	private static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	/** A plan's address: every screening answer no, except those named yes. */
	private static MockHttpServletRequestBuilder plan(String path, int weeks, LocalDate asOf, ScreeningQuestion... yes) {
		var request = get(path).param("weeks", String.valueOf(weeks))
			.param("asOf", asOf.toString())
			.param("minutes", "15")
			.param("sessions", "3")
			.param("floor", "yes")
			.param("activity", "ACTIVE")
			.param("equipment", "MAT", "CHAIR", "WALL", "PILLOW");
		Arrays.stream(ScreeningQuestion.values())
			.forEach(question -> request.param(question.name(), Arrays.asList(yes).contains(question) ? "yes" : "no"));
		return request;
	}

	/** The questions before a session answered no, a moment ago (the page signs when it asked them). */
	private MockHttpServletRequestBuilder allNoBefore(MockHttpServletRequestBuilder request) {
		Arrays.stream(PreSessionQuestion.values()).forEach(question -> request.param("before." + question, "no"));
		return request.param("asked", tokens.issue(SessionTokens.Purpose.PRE_SESSION_CHECK));
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	@Test
	@DisplayName("1. The library player asks the engine: no lying-on-the-back bridge at 30 weeks")
	void theLibraryPlayerAsksTheEngine() throws Exception {
		mvc.perform(allNoBefore(get("/session/play").param("exercise", "glute-bridge")
			.param("weeks", "30")
			.param("asOf", today().toString())
			.param("floor", "yes")
			.param("equipment", "MAT")))
			.andExpect(status().isOk())
			.andExpect(view().name("sessions/session-not-for-her"))
			.andExpect(content().string(containsString("data-rule=\"NO_SUPINE_FROM_WEEK_16\"")))
			.andExpect(content().string(not(containsString("id=\"session-data\""))));
	}

	@Test
	@DisplayName("1. A check that says \"not advised\" plays nothing from the library")
	void notAdvisedPlaysNothing() throws Exception {
		var request = allNoBefore(get("/session/play").param("exercise", "pelvic-tilt-wall")
			.param("weeks", "30")
			.param("asOf", today().toString())
			.param("floor", "yes")
			.param("equipment", "WALL")
			.param("RUPTURED_MEMBRANES", "yes"));
		mvc.perform(request)
			.andExpect(view().name("sessions/session-not-for-her"))
			.andExpect(content().string(not(containsString("id=\"session-data\""))));
	}

	@Test
	@DisplayName("1. \"Make it easier\" never offers the floor to someone who said the floor is not comfortable")
	void makeItEasierStaysOffTheFloor() throws Exception {
		String noFloor = body(allNoBefore(get("/session/play").param("exercise", "pelvic-floor-lifts-seated")
			.param("weeks", "20")
			.param("asOf", today().toString())
			.param("floor", "no")
			.param("equipment", "CHAIR")));
		assertThat(noFloor).contains("id=\"session-data\"").doesNotContain("\"easier\"")
			.doesNotContain("pelvic-floor-lifts-side-lying");
		// Nor, in a session off the floor, to anyone: that would be another trip down and up.
		String floor = body(allNoBefore(get("/session/play").param("exercise", "pelvic-floor-lifts-seated")
			.param("weeks", "20")
			.param("asOf", today().toString())
			.param("floor", "yes")
			.param("equipment", "CHAIR", "MAT", "PILLOW")));
		assertThat(floor).contains("id=\"session-data\"").doesNotContain("\"easier\"");
		String standing = body(allNoBefore(get("/session/play").param("exercise", "standing-hip-extension")
			.param("weeks", "20")
			.param("asOf", today().toString())
			.param("floor", "yes")
			.param("equipment", "CHAIR", "MAT", "WALL")));
		assertThat(standing).contains("\"easier\":{\"id\":\"standing-glute-squeeze\"");
	}

	@Test
	@DisplayName("2. A plan made at week 13 is made again for week 16: no lying on the back")
	void theWeekNeverFreezes() throws Exception {
		LocalDate threeWeeksAgo = today().minusWeeks(3);
		String week = body(plan("/plan/week", 13, threeWeeksAgo).param("pain.LOWER_BACK", "5"));
		assertThat(week).contains("You gave week 13").contains("this plan is made again for week 16");
		var sessions = week.substring(week.indexOf("class=\"sessions\""), week.indexOf("left-out"));
		assertThat(sessions).doesNotContain("/exercises/pelvic-tilt-supine").doesNotContain("/exercises/glute-bridge");
		for (int day : List.of(1, 3, 5)) {
			String player = body(allNoBefore(plan("/session/play", 13, threeWeeksAgo).param("pain.LOWER_BACK", "5")
				.param("day", String.valueOf(day))));
			assertThat(player).doesNotContain("\"id\":\"pelvic-tilt-supine\"").doesNotContain("\"id\":\"glute-bridge\"");
		}
	}

	@Test
	@DisplayName("2. A placenta-praevia plan made at week 25 offers no session from week 26")
	void placentaPraeviaFromWeek26() throws Exception {
		LocalDate twoWeeksAgo = today().minusWeeks(2);
		mvc.perform(plan("/plan/week", 25, twoWeeksAgo, ScreeningQuestion.PLACENTA_PREVIA))
			.andExpect(content().string(not(containsString("/session?"))));
		mvc.perform(allNoBefore(plan("/session/play", 25, twoWeeksAgo, ScreeningQuestion.PLACENTA_PREVIA).param("day", "1")))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/plan/week?")));
	}

	@Test
	@DisplayName("2. A calendar stops before the next boundary week, keeps the provider notice, and says to make it again")
	void theCalendarStopsAtTheNextBoundary() throws Exception {
		String ics = body(plan("/plan/calendar.ics", 24, today(), ScreeningQuestion.PLACENTA_PREVIA)
			.param("start", today().toString()));
		assertThat(ics.replace("\r\n ", "")).contains("Talk to your provider before you start").contains("week 26");
		// A typed week may be on its last day: week 26 may begin eight days from now.
		LocalDate boundary = today().plusDays(8);
		var start = Pattern.compile("DTSTART:(\\d{8})T");
		var count = Pattern.compile("RRULE:FREQ=WEEKLY;COUNT=(\\d+)");
		int series = 0;
		for (String event : ics.replace("\r\n ", "").split("BEGIN:VEVENT")) {
			var startMatch = start.matcher(event);
			var countMatch = count.matcher(event);
			if (startMatch.find() && countMatch.find()) {
				LocalDate first = LocalDate.parse(startMatch.group(1), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
				LocalDate last = first.plusWeeks(Integer.parseInt(countMatch.group(1)) - 1L);
				assertThat(last).as("last session of a series").isBefore(boundary);
				series++;
			}
		}
		assertThat(series).isPositive();
	}

	@Test
	@DisplayName("3. \"Bleeding or fluid: yes\" and \"dizzy: yes\" open the warning-sign check; nothing is reported for her")
	void thePreSessionCheckOffersAndNeverReports() throws Exception {
		var request = plan("/session/play", 24, today()).param("day", "1")
			.param("asked", tokens.issue(SessionTokens.Purpose.PRE_SESSION_CHECK));
		for (PreSessionQuestion question : PreSessionQuestion.values()) {
			request.param("before." + question,
					question == PreSessionQuestion.BLEEDING_OR_FLUID || question == PreSessionQuestion.CHEST_BREATH_OR_DIZZY
							? "yes" : "no");
		}
		String location = mvc.perform(request).andReturn().getResponse().getHeader("Location");
		assertThat(location).startsWith("/warning-signs?")
			.contains("offer=HEAVY_BLEEDING", "offer=FLUID_GUSH", "offer=DIZZINESS", "offer=CHEST_PAIN")
			.doesNotContain("symptom=").doesNotContain("/result");
		// What she ticks there is all that is reported: dizziness alone is a call, not chest pain.
		mvc.perform(get("/warning-signs/result").param("symptom", "DIZZINESS").param("weeks", "24"))
			.andExpect(content().string(containsString("data-symptom=\"DIZZINESS\"")))
			.andExpect(content().string(not(containsString("data-symptom=\"CHEST_PAIN\""))))
			.andExpect(content().string(containsString("data-advice=\"CALL_PROVIDER_NOW\"")));
	}

	@Test
	@DisplayName("4. \"Call now\" means now; labour has its own words")
	void nowMeansNow() throws Exception {
		String call = body(get("/warning-signs/result").param("symptom", "FEWER_BABY_MOVEMENTS").param("weeks", "30"));
		assertThat(call).contains("now").doesNotContainIgnoringCase("today").doesNotContainIgnoringCase("same day");
		String labour = body(get("/warning-signs/result").param("symptom", "REGULAR_PAINFUL_CONTRACTIONS").param("weeks", "38"));
		assertThat(labour).contains("data-advice=\"POSSIBLE_LABOUR\"").contains("labour line");
		String leaking = body(get("/warning-signs/result").param("symptom", "FLUID_LEAKING").param("weeks", "30"));
		assertThat(leaking).contains("data-advice=\"EMERGENCY\"");
	}

	@Test
	@DisplayName("5. Pain at the back of the pelvis at 8/10 keeps squats, warrior two, side steps and lunges out")
	void posteriorPelvicPainIsPelvicGirdlePain() {
		var request = new PlanRequest(GestationalAge.ofWeeks(32), ScreeningOutcome.CLEARED, Map.of(PainArea.PELVIS_BACK, 8),
				Set.of(), 30, 4, Set.of(Equipment.values()), true, Set.of(), Set.of(), null, PriorActivity.ACTIVE);
		WeeklyPlan plan = PlanGenerator.generate(catalogue, request);
		assertThat(plan.sessions()).isNotEmpty();
		plan.sessions().stream().flatMap(session -> session.items().stream()).forEach(item -> assertThat(
				item.exercise().features()).as(item.exercise().id().value()).doesNotContainAnyElementsOf(PGP_FEATURES));
	}

	@Test
	@DisplayName("6. Declared twins at 30 weeks are not READY")
	void declaredTwinsCount() throws Exception {
		var answers = new StringBuilder();
		for (ScreeningQuestion question : ScreeningQuestion.values()) {
			answers.append(answers.isEmpty() ? "" : ",").append('"').append(question).append("\":false");
		}
		mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).content("""
				{"weeksPregnant": 30, "screening": {"answers": {%s}}, "conditions": ["TWINS"],
				 "minutesPerSession": 15, "sessionsPerWeek": 3, "floorOk": true}""".formatted(answers)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("NOT_ADVISED"));
		mvc.perform(plan("/plan/week", 30, today()).param("condition", "TWINS"))
			.andExpect(content().string(not(containsString("/session?"))));
	}

	@Test
	@DisplayName("7. Gentle plans are gentle; a long session is more sets, not more exercises; a first plan starts small")
	void sessionsAPhysiotherapistWouldGive() {
		var gentle = PlanGenerator.generate(catalogue, new PlanRequest(GestationalAge.ofWeeks(32), ScreeningOutcome.CLEARED,
				Map.of(PainArea.LOWER_BACK, 8), Set.of(), 30, 3, Set.of(Equipment.values()), true, Set.of(), Set.of(), null,
				PriorActivity.ACTIVE));
		for (WeeklyPlan.Session session : gentle.sessions()) {
			assertThat(session.items()).hasSizeLessThanOrEqualTo(6);
			assertThat(session.items().stream().filter(item -> item.exercise().category() == Category.STRENGTH))
				.hasSizeLessThanOrEqualTo(2);
			assertThat(session.floorTrips()).isLessThanOrEqualTo(1);
		}
		var long13 = PlanGenerator.generate(catalogue, new PlanRequest(GestationalAge.ofWeeks(13), ScreeningOutcome.CLEARED,
				Map.of(), Set.of(), 45, 7, Set.of(Equipment.values()), true, Set.of(), Set.of(), null, PriorActivity.ACTIVE));
		assertThat(long13.sessions()).hasSize(7).allSatisfy(session -> {
			assertThat(session.items()).hasSizeLessThanOrEqualTo(8);
			assertThat(session.floorTrips()).isLessThanOrEqualTo(1);
		});
		var firstPlan = PlanGenerator.generate(catalogue, new PlanRequest(GestationalAge.ofWeeks(13), ScreeningOutcome.CLEARED,
				Map.of(), Set.of(), 45, 7, Set.of(Equipment.values()), true, Set.of(), Set.of(), null, PriorActivity.INACTIVE));
		assertThat(firstPlan.sessions()).hasSize(3);
		assertThat(firstPlan.minutesPerSession()).isEqualTo(15);
		assertThat(firstPlan.notes()).extracting(WeeklyPlan.Note::kind).contains(WeeklyPlan.NoteKind.FIRST_PLAN_CAPPED);
	}

	@Test
	@DisplayName("8. Cautions travel with the exercise: plan, print, player, calendar and API")
	void cautionsTravelWithTheExercise() throws Exception {
		String week = body(plan("/plan/week", 10, today()).param("pain.LOWER_BACK", "6").param("minutes", "20"));
		assertThat(week).contains("Stop this exercise if:").contains("Stop and call if");
		String print = body(plan("/plan/print", 10, today()).param("pain.LOWER_BACK", "6").param("minutes", "20"));
		assertThat(print).contains("Stop this exercise if:").contains("Stop and call if");
		String ics = body(plan("/plan/calendar.ics", 10, today()).param("pain.LOWER_BACK", "6").param("minutes", "20"));
		assertThat(ics.replace("\r\n ", "")).contains("Stop this exercise if:");
		mvc.perform(post("/api/v1/safety/exercises").contentType(MediaType.APPLICATION_JSON).content("""
				{"weeksPregnant": 10, "floorOk": true, "equipment": ["MAT"]}"""))
			.andExpect(jsonPath("$.exercises[?(@.id == 'pelvic-tilt-supine')].cautions[0].rule").value(
					org.hamcrest.Matchers.hasItem("SUPINE_SHORT_HOLDS_ONLY")));
		mvc.perform(post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).content("""
				{"weeksPregnant": 24, "painAreas": {"LOWER_BACK": 5}, "minutesPerSession": 15, "sessionsPerWeek": 3,
				 "floorOk": true, "equipment": ["MAT", "CHAIR", "WALL"]}"""))
			.andExpect(jsonPath("$.sessions[0].items[0].stopIf").isArray())
			.andExpect(jsonPath("$.sessions[0].items[0].trimesterNote").isString());
	}

	@Test
	@DisplayName("8. A plan that needs clearance reminds her before every session; pain 10 does not simply start")
	void clearanceReminderAndStrongPain() throws Exception {
		var request = get("/session").param("weeks", "24").param("asOf", today().toString()).param("minutes", "15")
			.param("sessions", "3").param("floor", "yes").param("day", "1").param("activity", "ACTIVE");
		Arrays.stream(ScreeningQuestion.values()).forEach(question -> request.param(question.name(),
				question == ScreeningQuestion.ANAEMIA ? "yes" : "no"));
		mvc.perform(request).andExpect(content().string(containsString("Talk to your midwife or doctor before you start")));
		mvc.perform(allNoBefore(plan("/session/play", 24, today()).param("day", "1").param("painBefore", "10")))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("offer=SEVERE_OR_WORSENING_PAIN")));
	}

	@Test
	@DisplayName("Answers kept in an old address are asked again, not replayed")
	void oldAnswersAreNotReplayed() throws Exception {
		var stale = plan("/session/play", 24, today()).param("day", "1").param("asked", "1.from-an-old-address");
		Arrays.stream(PreSessionQuestion.values()).forEach(question -> stale.param("before." + question, "no"));
		mvc.perform(stale)
			.andExpect(status().isOk())
			.andExpect(view().name("sessions/session-before"))
			.andExpect(content().string(containsString("Please answer these questions for today")));
		mvc.perform(plan("/session/play", 24, today()).param("day", "1").param("warningCheck", "done"))
			.andExpect(view().name("sessions/session-before"));
	}

	@Test
	@DisplayName("The gate after an urgent result holds without JavaScript and on a direct player link")
	void theProviderContactGateHolds() throws Exception {
		Cookie gate = mvc.perform(get("/warning-signs/result").param("symptom", "CALF_PAIN_OR_SWELLING"))
			.andReturn()
			.getResponse()
			.getCookie("carrywell-contact-provider");
		assertThat(gate).isNotNull();
		assertThat(gate.isHttpOnly()).isTrue();
		var direct = allNoBefore(plan("/session/play", 24, today()).param("day", "1")).cookie(gate);
		mvc.perform(direct)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("name=\"spokeToProvider\"")));
		var forged = allNoBefore(plan("/session/play", 24, today()).param("day", "1"))
			.cookie(new Cookie("carrywell-contact-provider", "1.forged"));
		mvc.perform(forged).andExpect(status().isOk());
		// A confirmation kept from an earlier closing (an old address in her history) does not open it.
		var old = allNoBefore(plan("/session/play", 24, today()).param("day", "1")).cookie(gate)
			.param("spokeToProvider", "yes").param("gate", "1.an-earlier-closing");
		mvc.perform(old).andExpect(status().isBadRequest());
		var confirmed = allNoBefore(plan("/session/play", 24, today()).param("day", "1")).cookie(gate)
			.param("spokeToProvider", "yes").param("gate", gate.getValue());
		mvc.perform(confirmed)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"session-data\"")))
			.andExpect(cookie().maxAge("carrywell-contact-provider", 0));
	}

	@Test
	@DisplayName("Confirmed, with a yes before the session: the warning-sign check decides, and does not ask her to confirm again")
	void aConfirmedGateWithAYesGoesToTheCheckOpen() throws Exception {
		Cookie gate = mvc.perform(get("/warning-signs/result").param("symptom", "HEADACHE"))
			.andReturn()
			.getResponse()
			.getCookie("carrywell-contact-provider");
		var yes = allNoBefore(plan("/session/play", 24, today()).param("day", "1")).cookie(gate)
			.param("before.PAIN_OR_FALL", "yes").param("spokeToProvider", "yes").param("gate", gate.getValue());
		mvc.perform(yes)
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/warning-signs?*"))
			.andExpect(cookie().maxAge("carrywell-contact-provider", 0))
			.andExpect(cookie().maxAge("carrywell-gate-closed", 0));
	}

	@Test
	@DisplayName("The gate's readable flag (set offline) closes the server's gate, and a forged one can do no more")
	void theDevicesFlagOnlyClosesTheGate() throws Exception {
		var flagged = allNoBefore(plan("/session/play", 24, today()).param("day", "1"))
			.cookie(new Cookie("carrywell-gate-closed", "yes"));
		var response = mvc.perform(flagged)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("name=\"spokeToProvider\"")))
			.andReturn()
			.getResponse();
		Cookie closed = response.getCookie("carrywell-contact-provider");
		assertThat(closed).isNotNull();
		assertThat(closed.getMaxAge()).isPositive();
	}

}
