package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.carrywell.CarrywellApplication;

/**
 * Generated bad input against every form and API endpoint (read from the handler mappings): wrong types, huge
 * and negative numbers, huge strings, unicode, empty and repeated parameters, malformed JSON, unknown ids,
 * script, template and SQL payloads. For every answer: never a 5xx; a 400 names the field (problem details list
 * it under {@code errors}; pages mark it); nothing is stored from a rejected request; nothing sent comes back
 * unescaped in a page. A jqwik property with a fixed seed: every run sends the same requests, and a failure is
 * reported with the request that caused it.
 */
class BadInputTests {

	static final List<String> PARAMETER_NAMES = List.of("email", "topics", "consentVersion", "website", "subject",
			"body", "t", "token", "weeks", "dueDate", "area", "trimester", "position", "equipment", "category", "exercise",
			"day", "speed", "minutes", "sessions", "floor", "pain.LOWER_BACK", "symptom", "HEART_DISEASE", "time", "start",
			"q", "id", "page", "sort", "asOf", "activity", "condition", "before.BLEEDING_OR_FLUID", "painBefore",
			"warningCheck", "spokeToProvider", "offer", "return");

	static final List<String> JSON_FIELDS = List.of("weeksPregnant", "dueDate", "answers", "symptoms", "conditions",
			"pain", "equipment", "floorOk", "painAreas", "minutesPerSession", "sessionsPerWeek", "screening", "pinned",
			"excluded", "adjustment", "feedback", "painChange", "asOf", "priorActivity");

	static final List<String> PAYLOADS = List.of("", " ", "-1", "0", "-2147483649", "2147483648", "9223372036854775808",
			"-99999999999999999999", "1e309", "NaN", "Infinity", "0x1F", "1.5", "null", "undefined", "true", "[]", "{}",
			"\u0000", "\t\r\n", "\uFEFF", "\u202Eevil", "😀🤰", "ä\u0308", "𝕏".repeat(50), "a".repeat(10_000),
			"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)",
			"' OR '1'='1", "1; DROP TABLE newsletter_subscriber; --", "1' UNION SELECT NULL--", "../../../etc/passwd",
			"%00", "%ZZ", "${7*7}", "#{7*7}", "__${T(java.lang.Runtime).getRuntime()}__::x", "*{7*7}", "[[${7*7}]]",
			"LOWER_BACK", "lower_back", "PELVIC_GIRDLE_PAIN", "WORKOUT_IDEAS", "v1", "2026-02-30", "0000-00-00",
			"9999-12-31", "24", "42", "43");

	static final List<String> JSON_BODIES = List.of("", "{", "[", "]", "null", "true", "42", "\"text\"", "[]", "{}",
			"{\"weeksPregnant\":", "{\"weeksPregnant\": 24,}", "{'weeksPregnant': 24}",
			"[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000), "\uFEFF{}",
			"{\"weeksPregnant\": 1e400}");

	private static ConfigurableApplicationContext application;

	private static MockMvc mvc;

	private static RouteSamples samples;

	/**
	 * The real-port property's own application: MockMvc's {@code csrf()} replaces the CSRF filter's token store in
	 * the application it runs against (with one kept in the HTTP session), which would make the real server behave
	 * unlike the real server. So the two properties never share one.
	 */
	private static ConfigurableApplicationContext realApplication;

	private static RouteSamples realSamples;

	private static List<Route> routes;

	private static final Map<Route, Integer> triesPerRoute = new ConcurrentHashMap<>();

	private static volatile boolean aTryFailed;

	@BeforeContainer
	static void startTheApplication() {
		application = new SpringApplicationBuilder(CarrywellApplication.class)
			.properties("server.port=0", "carrywell.newsletter.editor.password=" + RouteSamples.EDITOR_PASSWORD)
			.run();
		mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) application)
			.apply(SecurityMockMvcConfigurers.springSecurity())
			.build();
		samples = new RouteSamples(application);
		routes = samples.routes();
	}

	@AfterContainer
	static void stopTheApplication() {
		if (application != null) {
			application.close();
		}
		if (realApplication != null) {
			realApplication.close();
		}
	}

	private static synchronized RouteSamples realSamples() {
		if (realApplication == null) {
			realApplication = new SpringApplicationBuilder(CarrywellApplication.class).properties("server.port=0").run();
			realSamples = new RouteSamples(realApplication);
		}
		return realSamples;
	}

	@Property(tries = 4000, seed = "20261125", shrinking = ShrinkingMode.OFF)
	void noEndpointFailsOrMisbehavesOnBadInput(@ForAll("routeIndexes") int routeIndex, @ForAll("seeds") long seed)
			throws Exception {
		Route route = routes.get(routeIndex);
		triesPerRoute.merge(route, 1, Integer::sum);
		BadRequest request = new RequestMaker(new Random(seed)).badRequest(route);
		Map<String, Long> before = samples.rowCounts();
		MockHttpServletResponse response = mvc.perform(request.builder()).andReturn().getResponse();
		String problem = judge(request, response, before);
		if (problem != null) {
			aTryFailed = true;
		}
		assertThat(problem).as("%s with %s", route, request.description()).isNull();
	}

	@AfterProperty
	void everyRouteWasTried() {
		if (aTryFailed) {
			return; // the failing try is the news; coverage is only judged on a run that got through
		}
		assertThat(routes).hasSizeGreaterThan(40);
		assertThat(routes).allSatisfy(route -> assertThat(triesPerRoute.getOrDefault(route, 0))
			.as("tries of %s", route).isGreaterThanOrEqualTo(10));
	}

	@Provide
	Arbitrary<Integer> routeIndexes() {
		// Uniform: jqwik's default favours small numbers, which would starve the routes late in the list.
		return Arbitraries.integers().between(0, routes.size() - 1).withDistribution(RandomDistribution.uniform())
			.withoutEdgeCases();
	}

	/** Each try's own source of values, so that a failing try can be replayed on its own from its seed. */
	@Provide
	Arbitrary<Long> seeds() {
		return Arbitraries.longs().withoutEdgeCases();
	}

	/**
	 * The same property over a real port, so that the servlet container's own parsing of addresses, parameters and
	 * bodies is covered too. Forms carry a real CSRF token (taken from a page, as a browser would); the editor's
	 * pages, which need a login, are left to the property above.
	 */
	@Property(tries = 2500, seed = "20261201", shrinking = ShrinkingMode.OFF)
	void noEndpointFailsOrMisbehavesOnBadInputOverARealPort(@ForAll("routeIndexes") int routeIndex,
			@ForAll("seeds") long seed) throws Exception {
		Route route = routes.get(routeIndex);
		if (route.isAdmin()) {
			return;
		}
		BadRequest request = new RequestMaker(new Random(seed)).badRequest(route);
		// Signing the member in again (after she signed out everywhere) writes her log, so it comes before counting.
		HttpClient sender = route.isMemberOnly() ? memberHttp() : http();
		Map<String, Long> before = realSamples().rowCounts();
		HttpRequest wire = overTheWire(route, request);
		HttpResponse<String> response;
		try {
			response = sender.send(wire, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException staleConnection) {
			// The client reused a kept-alive connection the server had just closed after refusing the request before
			// (the container closes the connection after some refusals): sent once more on a fresh connection. A
			// server that really fails to answer fails again.
			response = sender.send(wire, HttpResponse.BodyHandlers.ofString());
		}
		// An address longer than the container accepts (8 KB of request line and headers) is refused by the
		// container before any field is read: the address as a whole is what is wrong, as with a bad path.
		boolean tooLong = wire.uri().toString().length() > 8 * 1024;
		String problem = judge(request, response.statusCode(),
				response.headers().firstValue("Content-Type").orElse(""), response.body(), before, tooLong, realSamples());
		assertThat(problem).as("%s over a real port with %s", route, request.description()).isNull();
	}

	private static HttpClient client;

	private static String csrfToken;

	/** One client for the run, holding the CSRF cookie a page gave it, as a browser would. */
	private static synchronized HttpClient http() throws Exception {
		if (client == null) {
			client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			String page = client.send(HttpRequest.newBuilder(URI.create(base() + "/newsletter")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
			assertThat(token.find()).as("the sign-up form carries a CSRF token").isTrue();
			csrfToken = token.group(1);
		}
		return client;
	}

	private static HttpClient memberClient;

	private static String memberCsrfToken;

	/** A member signed in over the real port with her password, holding her session cookie. */
	private static synchronized HttpClient memberHttp() throws Exception {
		// "Sign out on every device" ends this client's session too: then she signs in again.
		realSamples();
		boolean signedIn = realApplication.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
			.param(RouteSamples.MEMBER_EMAIL)
			.query(Integer.class)
			.single() > 0;
		if (memberClient == null || !signedIn) {
			var member = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
			var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
			var signIn = token.matcher(member.send(HttpRequest.newBuilder(URI.create(base() + "/account/sign-in")).build(),
					HttpResponse.BodyHandlers.ofString()).body());
			assertThat(signIn.find()).isTrue();
			String form = "email=" + URLEncoder.encode(RouteSamples.MEMBER_EMAIL, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(RouteSamples.MEMBER_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(signIn.group(1), StandardCharsets.UTF_8);
			member.send(HttpRequest.newBuilder(URI.create(base() + "/account/sign-in"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding());
			var account = token.matcher(member.send(HttpRequest.newBuilder(URI.create(base() + "/account/profile")).build(),
					HttpResponse.BodyHandlers.ofString()).body());
			assertThat(account.find()).as("signed in: her profile page has a form").isTrue();
			memberCsrfToken = account.group(1);
			memberClient = member;
		}
		return memberClient;
	}

	private static String base() {
		realSamples();
		return "http://127.0.0.1:" + ((WebServerApplicationContext) realApplication).getWebServer().getPort();
	}

	private static HttpRequest overTheWire(Route route, BadRequest request) {
		var parameters = new ArrayList<>(request.parameters());
		String token = route.isMemberOnly() ? memberCsrfToken : csrfToken;
		if (route.takesCsrfToken() && request.json() == null) {
			parameters.add(Map.entry("_csrf", token));
		}
		String encoded = String.join("&", parameters.stream()
			.map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.toList());
		boolean query = request.method() == HttpMethod.GET || request.json() != null;
		String uri = base() + request.uri() + (query && !encoded.isEmpty() ? "?" + encoded : "");
		var builder = HttpRequest.newBuilder(URI.create(uri)).timeout(java.time.Duration.ofSeconds(30));
		if (route.takesCsrfToken() && route.isApi()) {
			// The members' API takes its token in a header, whatever the body is (a PUT's form body is not read).
			builder.header("X-XSRF-TOKEN", token);
		}
		if (request.json() != null) {
			builder.header("Content-Type", String.valueOf(request.contentType()))
				.method(request.method().name(), HttpRequest.BodyPublishers.ofString(request.json()));
		}
		else if (request.method() == HttpMethod.GET) {
			builder.GET();
		}
		else {
			builder.header("Content-Type", "application/x-www-form-urlencoded")
				.method(request.method().name(), HttpRequest.BodyPublishers.ofString(encoded));
		}
		return builder.build();
	}

	/** What is wrong with the answer, or null when it is right. */
	private static String judge(BadRequest request, MockHttpServletResponse response, Map<String, Long> before)
			throws Exception {
		return judge(request, response.getStatus(), String.valueOf(response.getContentType()),
				response.getContentAsString(), before, false, samples);
	}

	private static String judge(BadRequest request, int status, String contentType, String body,
			Map<String, Long> before, boolean addressRefusedAsAWhole, RouteSamples samples) {
		if (status >= 500) {
			return "status " + status;
		}
		if (status >= 400 && !samples.rowCounts().equals(before)) {
			return "status " + status + " but rows changed: " + before + " → " + samples.rowCounts();
		}
		// A bad id in the path makes an address that names nothing: Spring Security's firewall or the
		// controller refuse it as a whole (400 or 404), and the address itself is what is wrong.
		if (status == 400 && !request.badPath() && !addressRefusedAsAWhole && !namesAField(contentType, body)) {
			return "a 400 that names no field: " + abbreviate(body);
		}
		if (status == 401 || status == 403 || status == 429) {
			return "status " + status + " for a request sent as its real client would";
		}
		if (contentType.startsWith("text/html")) {
			for (String value : request.values()) {
				if ((value.contains("<") || value.contains("\"")) && value.length() > 3 && body.contains(value)) {
					return "echoed unescaped: " + abbreviate(value);
				}
			}
		}
		return null;
	}

	private static boolean namesAField(String contentType, String body) {
		if (contentType.contains("json")) {
			JsonNode errors = JsonMapper.builder().build().readTree(body).path("errors");
			if (!errors.isArray() || errors.isEmpty()) {
				return false;
			}
			for (JsonNode error : errors) {
				if (error.path("parameter").asString("").isBlank()) {
					return false;
				}
			}
			return true;
		}
		return body.contains("field__error") || body.contains("aria-invalid=\"true\"");
	}

	private static String abbreviate(String value) {
		String printable = value.replaceAll("[^\\p{Print}]", "?");
		return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…(" + value.length() + " chars)";
	}

	/**
	 * One bad request, both as a MockMvc request and as what goes over the wire.
	 *
	 * @param uri the encoded path
	 * @param parameters the query (GET) or form (other methods) parameters, in order
	 * @param json the JSON body, or null
	 */
	private record BadRequest(MockHttpServletRequestBuilder builder, String description, List<String> values,
			boolean badPath, HttpMethod method, String uri, List<Map.Entry<String, String>> parameters,
			@Nullable String contentType, @Nullable String json) {
	}

	/** Builds one bad request from a seeded source of randomness. */
	private static final class RequestMaker {

		private final Random random;

		RequestMaker(Random random) {
			this.random = random;
		}

		BadRequest badRequest(Route route) {
			var description = new StringBuilder();
			var values = new ArrayList<String>();
			var pathValues = new LinkedHashMap<String, String>();
			boolean badPath = false;
			for (String variable : route.pathVariables()) {
				// A third of the time the id itself is bad; otherwise the real one, so the parameters get their turn.
				boolean bad = random.nextInt(3) == 0;
				badPath |= bad;
				String value = bad ? value() : samples.sample(route, variable);
				pathValues.put(variable, value.isEmpty() ? "x" : value);
				values.add(value);
			}
			URI uri = UriComponentsBuilder.fromPath(route.pattern()).buildAndExpand(pathValues).encode().toUri();
			MockHttpServletRequestBuilder builder = samples.request(route, uri.toString());
			var parameters = new ArrayList<Map.Entry<String, String>>();
			String contentType = null;
			String body = null;
			if (!pathValues.isEmpty()) {
				pathValues.forEach((name, value) -> description.append("path ").append(name).append('=')
					.append(abbreviate(value)).append(' '));
			}
			if (route.json()) {
				String json = random.nextInt(3) == 0 ? pick(JSON_BODIES) : jsonObject();
				MediaType type = random.nextInt(10) == 0 ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON;
				builder.contentType(type).content(json);
				contentType = type.toString();
				body = json;
				values.add(json);
				description.append("body ").append(abbreviate(json));
			}
			Set<String> names = new LinkedHashSet<>(route.parameters());
			names.addAll(PARAMETER_NAMES);
			List<String> candidates = new ArrayList<>(names);
			int count = 1 + random.nextInt(4);
			for (int i = 0; i < count; i++) {
				String name = pick(candidates);
				int repeats = random.nextInt(4) == 0 ? 2 : 1;
				for (int r = 0; r < repeats; r++) {
					String value = value();
					builder.param(name, value);
					parameters.add(Map.entry(name, value));
					values.add(value);
					description.append(' ').append(name).append('=').append(abbreviate(value));
				}
			}
			return new BadRequest(builder, description.toString().strip(), values, badPath, route.method(),
					uri.toString(), parameters, contentType, body);
		}

		private String value() {
			return switch (random.nextInt(4)) {
				case 0, 1 -> pick(PAYLOADS);
				case 2 -> randomText(random.nextInt(300));
				default -> String.valueOf(random.nextInt(3) == 0 ? random.nextInt(100) - 50 : random.nextLong());
			};
		}

		/** Any code points: letters, controls, surrogate pairs, combining marks, private use. */
		private String randomText(int length) {
			var text = new StringBuilder();
			while (text.length() < length) {
				int codePoint = switch (random.nextInt(4)) {
					case 0 -> 0x20 + random.nextInt(0x5f);
					case 1 -> random.nextInt(0x20);
					case 2 -> 0x80 + random.nextInt(0xD000);
					default -> 0x10000 + random.nextInt(0x10000);
				};
				text.appendCodePoint(codePoint);
			}
			return text.toString();
		}

		/** A JSON object with known and unknown fields holding values of every type. */
		private String jsonObject() {
			var json = new StringBuilder("{");
			int fields = 1 + random.nextInt(5);
			for (int i = 0; i < fields; i++) {
				if (i > 0) {
					json.append(',');
				}
				String field = random.nextInt(5) == 0 ? "unknownField" + i : pick(JSON_FIELDS);
				json.append(quote(field)).append(':').append(jsonValue(2));
			}
			return json.append('}').toString();
		}

		private String jsonValue(int depth) {
			return switch (random.nextInt(depth > 0 ? 9 : 7)) {
				case 0 -> "null";
				case 1 -> String.valueOf(random.nextBoolean());
				case 2 -> String.valueOf(random.nextLong());
				case 3 -> pick(List.of("-1", "0", "43", "1e308", "-0.5", "99999999999999999999999"));
				case 4 -> quote(value());
				case 5 -> quote(pick(List.of("LOWER_BACK", "ANAEMIA", "CHAIR", "FEVER_OR_CHILLS", "TOO_HARD", "2026-13-01")));
				case 6 -> "[]";
				case 7 -> "[" + jsonValue(depth - 1) + "," + jsonValue(depth - 1) + "]";
				default -> "{" + quote(pick(List.of("LOWER_BACK", "ANAEMIA", "answers", "x"))) + ":" + jsonValue(depth - 1)
						+ "}";
			};
		}

		private static String quote(String value) {
			var quoted = new StringBuilder("\"");
			for (char c : value.toCharArray()) {
				switch (c) {
					case '"' -> quoted.append("\\\"");
					case '\\' -> quoted.append("\\\\");
					default -> {
						if (c < 0x20) {
							quoted.append("\\u%04x".formatted((int) c));
						}
						else {
							quoted.append(c);
						}
					}
				}
			}
			return quoted.append('"').toString();
		}

		private <T> T pick(List<T> values) {
			return values.get(random.nextInt(values.size()));
		}

	}

}
