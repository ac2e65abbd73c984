package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;


import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a visitor really receives, over a real port and without the help of a test client that buffers the whole
 * response or holds a session: every page reachable from the home page arrives whole, for a first visit with no
 * cookies and for a visit with a session cookie that has long expired; no visitor is given server state; a
 * request that cannot be decoded is the client's mistake; and the log stays free of errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealServerTests {

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Autowired
	JdbcClient jdbc;

	/**
	 * Every HTTP session the server holds, whoever made it: sessions live in the database (Spring Session JDBC) until
	 * they expire, so a count that grows is a session created.
	 */
	private int sessions() {
		return jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION").query(Integer.class).single();
	}

	@Test
	@Order(1)
	void everyPageReachableFromTheHomePageArrivesWholeWithoutCookiesAndWithAnExpiredSession(CapturedOutput output)
			throws Exception {
		List<String> pages = new java.util.ArrayList<>(crawl());
		assertThat(pages).hasSizeGreaterThan(100).contains("/", "/learn/why-back-pain-happens", "/exercises",
				"/warning-signs", "/check");
		// Pages no link leads to: the ones a reminder's stop link opens, for a link that stops nothing any more.
		pages.addAll(List.of("/reminders/stop?t=00000000-0000-0000-0000-000000000000.not-a-signature", "/reminders/stopped"));
		for (String cookie : new String[] { null, "JSESSIONID=0123456789ABCDEF0123456789ABCDEF; XSRF-TOKEN=stale" }) {
			for (String page : pages) {
				assertThat(Crawler.problem(page, get(page, cookie))).as("with cookie %s", cookie).isNull();
			}
		}
		assertThat(output.getAll()).as("the log").doesNotContain(" ERROR ").doesNotContainIgnoringCase(
				"generated security password");
	}

	@Test
	@Order(2)
	void aThousandCookielessVisitsCreateNoSession(CapturedOutput output) throws Exception {
		List<String> pages = crawl();
		int before = sessions();
		for (int visit = 0; visit < 1_000; visit++) {
			HttpResponse<String> response = get(pages.get(visit % pages.size()), null);
			assertThat(response.statusCode()).isEqualTo(200);
		}
		assertThat(sessions() - before).as("HTTP sessions created by 1,000 visits").isZero();
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	@Order(3)
	void aRequestThatCannotBeDecodedIsTheClientsMistakeAndLeavesNoStackTrace(CapturedOutput output) throws Exception {
		for (String path : List.of("/api/v1/exercises?trimester=%FF", "/exercises?area=%ZZ", "/plan?weeks=%C0%AF",
				"/check/result?weeks=%E2%28%A1")) {
			assertThat(raw(path, "localhost")).as(path).startsWith("HTTP/1.1 400");
		}
		assertThat(header(raw("/api/v1/exercises?trimester=%FF", "localhost"), "Content-Type"))
			.startsWith("application/problem+json");
		assertThat(get("/error", null).statusCode()).isEqualTo(404);
		assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("\tat org.apache.tomcat");
	}

	@Test
	@Order(4)
	void theHostHeaderIsNeverRepeatedInALink() throws Exception {
		String redirect = raw("/plan?weeks=24&HEART_DISEASE=no", "evil.example");
		assertThat(redirect).startsWith("HTTP/1.1 302").doesNotContain("evil.example");
		assertThat(header(redirect, "Location")).startsWith("/plan?");
		String calendar = raw("/plan/calendar.ics?weeks=24&asOf=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
				+ "&HEART_DISEASE=no&floor=yes", "evil.example");
		assertThat(calendar).contains("BEGIN:VCALENDAR").doesNotContain("evil.example").contains("URL:http://localhost:8080/");
		assertThat(raw("/v3/api-docs", "evil.example")).doesNotContain("evil.example");
	}

	@Test
	@Order(5)
	void requestsRefusedBeforeTheApplicationStillCarryTheSecurityHeaders() throws Exception {
		for (String requestLine : List.of("GET // HTTP/1.1", "GET /..;/exercises HTTP/1.1", "GET /%2e/exercises HTTP/1.1",
				"GET /exercises/%2e%2e/x HTTP/1.1", "GET /a b HTTP/1.1")) {
			String answer = rawLine(requestLine);
			assertThat(answer).as(requestLine).startsWith("HTTP/1.1 400");
			assertThat(header(answer, "Content-Security-Policy")).as(requestLine).contains("default-src 'self'");
			assertThat(header(answer, "X-Content-Type-Options")).as(requestLine).isEqualTo("nosniff");
			assertThat(header(answer, "X-Frame-Options")).as(requestLine).isEqualTo("DENY");
		}
	}

	@Test
	@Order(6)
	void aJsonBodyOverItsLimitIsRefusedBeforeItIsReadAndLongListsAreNamed(CapturedOutput output) throws Exception {
		String padding = "x".repeat(70 * 1024);
		String big = "{\"weeksPregnant\": 24, \"note\": \"" + padding + "\"}";
		HttpResponse<String> sized = post("/api/v1/plans", HttpRequest.BodyPublishers.ofString(big));
		assertThat(sized.statusCode()).isEqualTo(413);
		assertThat(sized.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		// The same without a length: sent in chunks, and cut off at the limit all the same.
		HttpResponse<String> chunked = post("/api/v1/plans",
				HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));
		assertThat(chunked.statusCode()).isEqualTo(413);
		String conditions = "[" + String.join(",", java.util.Collections.nCopies(51, "\"TWINS\"")) + "]";
		HttpResponse<String> longList = post("/api/v1/safety/exercises", HttpRequest.BodyPublishers.ofString(
				"{\"weeksPregnant\": 24, \"conditions\": " + conditions + "}"));
		assertThat(longList.statusCode()).isEqualTo(400);
		assertThat(longList.body()).contains("\"parameter\":\"conditions\"");
		// The API is the API however its path is spelled.
		assertThat(post("/%61pi/v1/plans", HttpRequest.BodyPublishers.ofString(big)).statusCode()).isEqualTo(413);
		assertThat(output.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	@Order(7)
	void aFormIsReadAsUtf8AndSendingItCreatesNoSession() throws Exception {
		int sessionsBefore = sessions();
		var browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/newsletter")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).isTrue();
		String form = "email=" + java.net.URLEncoder.encode("jürgen ärger", StandardCharsets.UTF_8)
				+ "&topics=WORKOUT_IDEAS&consentVersion=v1&_csrf=" + java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/newsletter"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("jürgen ärger");
		String valid = "email=reader%40example.org&topics=WORKOUT_IDEAS&consentVersion=v1&_csrf="
				+ java.net.URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedUp = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/newsletter"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(valid))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(signedUp.statusCode()).isEqualTo(302);
		assertThat(sessions() - sessionsBefore).as("sessions created by a sign-up").isZero();
	}

	/** A visitor who presses "sign in with a passkey" is given a challenge, and still no session (ADR 0008). */
	@Test
	@Order(8)
	void tryingAPasskeyCreatesNoSession() throws Exception {
		int sessionsBefore = sessions();
		var browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
		String page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/account/sign-in")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var token = java.util.regex.Pattern.compile("id=\"csrf-token\" name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("the sign-in page gives its script the CSRF token").isTrue();
		HttpResponse<String> options = browser.send(HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + port + "/webauthn/authenticate/options"))
			.header("X-XSRF-TOKEN", token.group(1))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(options.statusCode()).isEqualTo(200);
		assertThat(options.body()).contains("\"challenge\"").contains("\"rpId\"");
		assertThat(options.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
		assertThat(sessions() - sessionsBefore).as("sessions created by trying a passkey").isZero();
	}

	private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(body)
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private List<String> crawl() throws Exception {
		return crawler().pages();
	}

	private Crawler crawler() {
		return new Crawler("http://127.0.0.1:" + port);
	}

	private HttpResponse<String> get(String path, String cookie) throws Exception {
		return crawler().get(path, cookie);
	}

	/** One request exactly as written, with a Host header of our choosing; the whole answer as text. */
	private String raw(String path, String host) throws Exception {
		return send("GET " + path + " HTTP/1.1", host);
	}

	private String rawLine(String requestLine) throws Exception {
		return send(requestLine, "localhost");
	}

	private String send(String requestLine, String host) throws Exception {
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			var answer = new StringBuilder();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				answer.append(line).append('\n');
			}
			return answer.toString();
		}
	}

	private static String header(String answer, String name) {
		for (String line : answer.split("\n")) {
			if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
				return line.substring(name.length() + 1).strip();
			}
		}
		return "";
	}

}
