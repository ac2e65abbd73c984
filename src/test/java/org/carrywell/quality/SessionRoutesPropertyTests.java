package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.carrywell.CarrywellApplication;
import org.carrywell.catalogue.Catalogue;
import org.carrywell.catalogue.Equipment;
import org.carrywell.catalogue.Exercise;
import org.carrywell.catalogue.PainArea;
import org.carrywell.safety.Condition;
import org.carrywell.safety.ExerciseRules;
import org.carrywell.safety.Person;
import org.carrywell.safety.PersonInput;
import org.carrywell.safety.PreSessionQuestion;
import org.carrywell.safety.PriorActivity;
import org.carrywell.safety.ScreeningOutcome;
import org.carrywell.safety.ScreeningQuestion;
import org.carrywell.sessions.web.SessionTokens;

/**
 * Rule book v2, every way into a session passes the engine: over random people (weeks 0–42, given on random
 * earlier days, any conditions, pain, equipment, floor and screening answers), every route of the application
 * (read from Spring's handler mappings, so a new one is walked the day it exists) is asked for a session, and
 * whatever it plays, lists for a week, schedules in a calendar or returns from the API is checked against the
 * engine for her context <em>on the day it is done</em>. Nothing forbidden, and nothing at all when screening
 * says exercise is not advised. A run must reach every kind of session-starting route, or it proves nothing.
 */
class SessionRoutesPropertyTests {

	/**
	 * The routes that start, list or schedule sessions today; each must serve one during the run. A library
	 * session (one exercise, from its page's "Do it now", through {@code /exercises/{id}/play} and the setup page)
	 * is played by {@code /session/play} with the exercise's id, counted on its own.
	 */
	private static final Set<String> SESSION_ROUTES = Set.of("GET /session/play", "GET /session/play (library)",
			"GET /session/offline", "GET /session/offline (library)", "GET /plan/week", "GET /plan/print", "GET /plan/calendar.ics", "POST /api/v1/plans");

	private static final Pattern PLAYER_DATA = Pattern.compile("<script type=\"application/json\" id=\"session-data\">(.*?)</script>",
			Pattern.DOTALL);

	private static final Pattern SESSIONS_LIST = Pattern.compile("<ol class=\"sessions\">(.*?)</ol>\\s*</li>\\s*</ol>",
			Pattern.DOTALL);

	private static final Pattern PRINTED_SESSION = Pattern.compile("<section class=\"plan-print__session\">(.*?)</section>",
			Pattern.DOTALL);

	private static final Pattern EXERCISE_LINK = Pattern.compile("href=\"/exercises/([a-z0-9-]+)\"");

	private static final Pattern PRINTED_NAME = Pattern.compile("<th scope=\"row\">\\s*<span>([^<]+)</span>");

	private static ConfigurableApplicationContext application;

	private static MockMvc mvc;

	private static Catalogue catalogue;

	private static SessionTokens tokens;

	private static List<Route> routes;

	private static final Map<String, Integer> servedBy = new ConcurrentHashMap<>();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@BeforeContainer
	static void startTheApplication() {
		application = new SpringApplicationBuilder(CarrywellApplication.class).properties("server.port=0").run();
		mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) application)
			.apply(SecurityMockMvcConfigurers.springSecurity())
			.build();
		catalogue = application.getBean(Catalogue.class);
		tokens = application.getBean(SessionTokens.class);
		routes = new RouteSamples(application).routes()
			.stream()
			.filter(route -> route.method() == HttpMethod.GET || route.pattern().startsWith("/api/v1/"))
			.filter(route -> !route.isAdmin())
			.toList();
	}

	@AfterContainer
	static void stopTheApplication() {
		if (application != null) {
			application.close();
		}
	}

	@Property(tries = 1500, seed = "20261130", shrinking = ShrinkingMode.OFF)
	void noRouteEverServesAnExerciseTheEngineForbidsOnTheDayItIsDone(@ForAll("routeIndexes") int routeIndex,
			@ForAll("seeds") long seed) throws Exception {
		Route route = routes.get(routeIndex);
		var someone = new Someone(new Random(seed));
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		PersonInput.Result read = PersonInput.read(someone.raw(), today);

		MockHttpServletResponse response = follow(someone.request(route));
		assertThat(response.getStatus()).as("%s for %s", route, someone).isLessThan(500);
		Served served = served(response);
		if (served.sessions().isEmpty()) {
			return;
		}
		servedBy.merge(route + (someone.library && route.pattern().startsWith("/session") ? " (library)" : ""), 1,
				Integer::sum);
		assertThat(read.valid()).as("%s served a session for invalid input %s", route, someone).isTrue();
		Person person = read.orElseThrow();
		for (Map.Entry<LocalDate, List<String>> session : served.sessions().entrySet()) {
			LocalDate day = session.getKey();
			assertThat(person.screeningOn(day).outcome()).as("%s served a session on %s when exercise is not advised: %s",
					route, day, someone).isNotEqualTo(ScreeningOutcome.NOT_ADVISED);
			var context = person.exerciseContextOn(day);
			for (String id : session.getValue()) {
				Exercise exercise = catalogue.find(id).orElseThrow(() -> new AssertionError("unknown exercise " + id));
				assertThat(ExerciseRules.judge(exercise, context).exclusions())
					.as("%s served %s on %s (week %d) to %s", route, id, day, context.age().weeks(), someone)
					.isEmpty();
			}
		}
	}

	@AfterProperty
	void everySessionRouteWasWalked() {
		assertThat(servedBy.keySet()).as("routes that served a session").containsAll(SESSION_ROUTES);
	}

	@Provide
	Arbitrary<Integer> routeIndexes() {
		// Session routes are drawn more often: they are what this test is about.
		var sessionRoutes = new ArrayList<Integer>();
		for (int i = 0; i < routes.size(); i++) {
			if (SESSION_ROUTES.contains(routes.get(i).toString())) {
				sessionRoutes.add(i);
			}
		}
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, routes.size() - 1)),
				net.jqwik.api.Tuple.of(4, Arbitraries.of(sessionRoutes)));
	}

	@Provide
	Arbitrary<Long> seeds() {
		return Arbitraries.longs().withoutEdgeCases();
	}

	/** Follows redirects inside the application, as her browser would. */
	private static MockHttpServletResponse follow(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		for (int hop = 0; hop < 3 && response.getStatus() / 100 == 3; hop++) {
			String location = response.getHeader("Location");
			if (location == null || !location.startsWith("/")) {
				break;
			}
			response = mvc.perform(MockMvcRequestBuilders.get(java.net.URI.create(location))).andReturn().getResponse();
		}
		return response;
	}

	/** What a response plays, lists or schedules: exercise ids by the day they are for. */
	private record Served(Map<LocalDate, List<String>> sessions) {
	}

	private static Served served(MockHttpServletResponse response) throws Exception {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		var sessions = new LinkedHashMap<LocalDate, List<String>>();
		String type = String.valueOf(response.getContentType());
		String body = response.getContentAsString();
		if (response.getStatus() != 200) {
			return new Served(sessions);
		}
		if (type.startsWith("text/html")) {
			var ids = new ArrayList<String>();
			var player = PLAYER_DATA.matcher(body);
			if (player.find()) {
				JsonNode data = JSON.readTree(player.group(1));
				data.path("items").forEach(item -> addWithEasier(item, ids));
				if (data.has("offline")) {
					// A copy for her device is played on any day until it says it is out of date: every one of
					// those days, the session and its easiest version must be allowed.
					JsonNode offline = data.path("offline");
					offline.path("easiest").forEach(item -> addWithEasier(item, ids));
					LocalDate last = LocalDate.parse(offline.path("validUntil").asString());
					assertThat(last).as("an offline copy lasts a week at most").isBefore(today.plusDays(7));
					for (LocalDate day = today.plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
						sessions.put(day, ids);
					}
				}
			}
			var week = SESSIONS_LIST.matcher(body);
			while (week.find()) {
				var links = EXERCISE_LINK.matcher(week.group(1));
				while (links.find()) {
					ids.add(links.group(1));
				}
			}
			var printed = PRINTED_SESSION.matcher(body);
			while (printed.find()) {
				var names = PRINTED_NAME.matcher(printed.group(1));
				while (names.find()) {
					ids.add(idOf(org.springframework.web.util.HtmlUtils.htmlUnescape(names.group(1).strip())));
				}
			}
			if (!ids.isEmpty()) {
				sessions.put(today, ids);
			}
		}
		else if (type.startsWith("text/calendar")) {
			calendar(body, sessions);
		}
		else if (type.contains("json")) {
			var ids = new ArrayList<String>();
			JSON.readTree(body).path("sessions").forEach(session -> session.path("items")
				.forEach(item -> ids.add(item.path("exerciseId").asString())));
			if (!ids.isEmpty()) {
				sessions.put(today, ids);
			}
		}
		return new Served(sessions);
	}

	private static void addWithEasier(JsonNode item, List<String> ids) {
		ids.add(item.path("id").asString());
		if (item.has("easier")) {
			addWithEasier(item.path("easier"), ids);
		}
	}

	/** Every occurrence of every weekly event, with the exercises its description names. */
	private static void calendar(String ics, Map<LocalDate, List<String>> sessions) {
		var start = Pattern.compile("DTSTART:(\\d{8})T");
		var count = Pattern.compile("RRULE:FREQ=WEEKLY;COUNT=(\\d+)");
		var description = Pattern.compile("DESCRIPTION:(.*?)\r?\n[A-Z]", Pattern.DOTALL);
		for (String event : ics.replace("\r\n ", "").split("BEGIN:VEVENT")) {
			var startMatch = start.matcher(event);
			var countMatch = count.matcher(event);
			var descriptionMatch = description.matcher(event);
			if (!startMatch.find() || !countMatch.find() || !descriptionMatch.find()) {
				continue;
			}
			var ids = new ArrayList<String>();
			for (String line : descriptionMatch.group(1).replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
				.split("\n")) {
				if (line.startsWith("- ")) {
					ids.add(idOf(line.substring(2).strip()));
				}
			}
			LocalDate first = LocalDate.parse(startMatch.group(1), DateTimeFormatter.BASIC_ISO_DATE);
			for (int week = 0; week < Integer.parseInt(countMatch.group(1)); week++) {
				sessions.computeIfAbsent(first.plusWeeks(week), day -> new ArrayList<>()).addAll(ids);
			}
		}
	}

	private static String idOf(String name) {
		return catalogue.exercises()
			.stream()
			.filter(exercise -> exercise.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no exercise is called " + name))
			.id()
			.value();
	}

	/** A random person, sent to a route the way the pages and the API send her context. */
	private static final class Someone {

		private final Random random;

		private final int weeks;

		private final LocalDate asOf;

		private final Map<String, String> answers = new LinkedHashMap<>();

		private final Map<String, String> pain = new LinkedHashMap<>();

		private final List<String> conditions = new ArrayList<>();

		private final List<String> equipment = new ArrayList<>();

		private final boolean floorOk;

		private final String activity;

		private final String exercise;

		private final int day;

		private final int painBefore;

		/** Whether a session route is asked for one exercise of the library rather than a day of a plan. */
		private final boolean library;

		Someone(Random random) {
			this.random = random;
			this.weeks = random.nextInt(43);
			this.asOf = LocalDate.now(ZoneOffset.UTC).minusDays(random.nextInt(5) == 0 ? random.nextInt(120) : 0);
			for (ScreeningQuestion question : ScreeningQuestion.values()) {
				int roll = random.nextInt(40);
				if (roll > 0) {
					answers.put(question.name(), roll == 1 ? "yes" : "no");
				}
			}
			for (PainArea area : PainArea.values()) {
				if (random.nextInt(3) == 0) {
					pain.put(area.name(), String.valueOf(random.nextInt(11)));
				}
			}
			for (Condition condition : Condition.values()) {
				if (random.nextInt(5) == 0) {
					conditions.add(condition.name());
				}
			}
			for (Equipment item : Equipment.values()) {
				if (random.nextBoolean()) {
					equipment.add(item.name());
				}
			}
			this.floorOk = random.nextBoolean();
			this.activity = PriorActivity.values()[random.nextInt(PriorActivity.values().length)].name();
			List<Exercise> exercises = catalogue.exercises();
			this.exercise = exercises.get(random.nextInt(exercises.size())).id().value();
			this.day = 1 + random.nextInt(7);
			this.painBefore = random.nextInt(11);
			this.library = random.nextInt(3) == 0;
		}

		PersonInput.Raw raw() {
			return new PersonInput.Raw(String.valueOf(weeks), null, asOf.toString(), answers, pain, conditions, equipment,
					floorOk ? "yes" : "no", activity);
		}

		MockHttpServletRequestBuilder request(Route route) {
			String url = route.pattern()
				.replace("{id}", exercise)
				.replace("{slug}", "why-back-pain-happens")
				.replace("{token}", "no-such-link-token")
				.replace("{day}", LocalDate.now(ZoneOffset.UTC).toString());
			if (route.method() == HttpMethod.POST) {
				return MockMvcRequestBuilders.post(url).contentType(MediaType.APPLICATION_JSON).content(json());
			}
			var request = MockMvcRequestBuilders.get(url)
				.param("weeks", String.valueOf(weeks))
				.param("asOf", asOf.toString())
				.param("minutes", String.valueOf(5 * (1 + random.nextInt(9))))
				.param("sessions", String.valueOf(1 + random.nextInt(7)))
				.param("floor", floorOk ? "yes" : "no")
				.param("activity", activity)
				.param("day", String.valueOf(day))
				.param("painBefore", String.valueOf(painBefore))
				.param("start", LocalDate.now(ZoneOffset.UTC).plusDays(random.nextInt(60)).toString());
			if (route.pattern().startsWith("/session") && library) {
				request.param("exercise", exercise);
			}
			// She answered the questions a moment ago, or came back from the warning-sign check.
			request.param("asked", tokens.issue(SessionTokens.Purpose.PRE_SESSION_CHECK));
			if (random.nextInt(4) == 0) {
				request.param("warningCheck", tokens.issue(SessionTokens.Purpose.WARNING_CHECK));
			}
			answers.forEach(request::param);
			pain.forEach((area, value) -> request.param("pain." + area, value));
			conditions.forEach(condition -> request.param("condition", condition));
			equipment.forEach(item -> request.param("equipment", item));
			for (PreSessionQuestion question : PreSessionQuestion.values()) {
				request.param("before." + question, random.nextInt(20) == 0 ? "yes" : "no");
			}
			return request;
		}

		private String json() {
			var body = new LinkedHashMap<String, Object>();
			body.put("weeksPregnant", weeks);
			body.put("asOf", asOf.toString());
			var screening = new LinkedHashMap<String, Boolean>();
			answers.forEach((question, answer) -> screening.put(question, "yes".equals(answer)));
			body.put("screening", Map.of("answers", screening));
			body.put("answers", screening);
			var painNumbers = new LinkedHashMap<String, Integer>();
			pain.forEach((area, value) -> painNumbers.put(area, Integer.valueOf(value)));
			body.put("painAreas", painNumbers);
			body.put("pain", painNumbers);
			body.put("conditions", conditions);
			body.put("equipment", equipment);
			body.put("floorOk", floorOk);
			body.put("priorActivity", activity);
			body.put("minutesPerSession", 5 * (1 + random.nextInt(9)));
			body.put("sessionsPerWeek", 1 + random.nextInt(7));
			List<Exercise> exercises = catalogue.exercises();
			body.put("pinned", List.of(exercise, exercises.get(random.nextInt(exercises.size())).id().value()));
			return JSON.writeValueAsString(body);
		}

		@Override
		public String toString() {
			return "week " + weeks + " on " + asOf + ", answers " + answers.entrySet().stream()
				.filter(entry -> entry.getValue().equals("yes")).toList() + ", pain " + pain + ", conditions " + conditions
					+ ", equipment " + equipment + ", floor " + floorOk + ", " + activity;
		}

	}

}
