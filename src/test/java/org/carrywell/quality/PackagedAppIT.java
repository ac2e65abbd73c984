package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application, started as the README starts it ({@code java -jar}), on a real port: every page
 * reachable from the home page arrives whole, for a first visit with no cookies and for one with a long-expired
 * session cookie, no visitor is given a server session, and the application's log holds no ERROR. Run by
 * {@code ./mvnw verify} after the jar is built (failsafe).
 */
class PackagedAppIT {

	private static Process app;

	private static Path log;

	private static String base;

	private static int port;

	private static Path data;

	@BeforeAll
	static void startTheJar() throws Exception {
		Path jar = PackagedApp.jar();
		port = PackagedApp.freePort();
		base = "http://127.0.0.1:" + port;
		log = Files.createTempFile("carrywell-packaged", ".log");
		data = Files.createTempDirectory("carrywell-packaged-data");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		app = new ProcessBuilder(java, "-jar", jar.toString(), "--server.address=127.0.0.1", "--server.port=" + port,
				"--management.server.port=" + PackagedApp.freePort(),
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("carrywell"),
				"--carrywell.mail.outbox=" + data.resolve("outbox"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		PackagedApp.awaitHealthy(app, base, log, Duration.ofMinutes(2));
	}

	@AfterAll
	static void stopTheJar() throws Exception {
		if (app != null) {
			app.destroy();
			app.waitFor();
		}
	}

	@Test
	void everyPageArrivesWholeWithNoCookiesAndWithAnExpiredSessionAndTheLogHasNoError() throws Exception {
		var crawler = new Crawler(base);
		List<String> pages = crawler.pages();
		assertThat(pages).hasSizeGreaterThan(100);
		var problems = new ArrayList<String>();
		for (String cookie : new String[] { null, "JSESSIONID=0123456789ABCDEF0123456789ABCDEF" }) {
			for (String page : pages) {
				String problem = Crawler.problem(page, crawler.get(page, cookie));
				if (problem != null) {
					problems.add(problem + (cookie == null ? "" : " (with an expired session cookie)"));
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(Files.readAllLines(log)).as("the application's log").noneMatch(line -> line.contains(" ERROR "));
	}

	/**
	 * What sharing needs at run time is in the jar, not only on the test class path (the FHIR validator's
	 * libraries are test dependencies): a member's link opens, its PDF is rendered with the fonts from the jar,
	 * its FHIR file is written, and her calendar address answers.
	 */
	@Test
	void aSharedLinkGivesItsPageItsPdfAndItsFhirFileFromThePackagedJar() throws Exception {
		String email = "packaged-" + System.nanoTime() + "@example.org";
		String password = "a walk by the river in spring";
		var member = new org.carrywell.accounts.Visitor(port);
		member.get("/account/register");
		member.post("/account/register", "email", email, "password", password);
		String link = verificationLink(email);
		member.get(link);
		member.post(link, "password", password);
		assertThat(member.signIn(email, password).statusCode()).isEqualTo(302);
		member.get("/account");
		assertThat(member.json("PUT", "/api/v1/me/profile", "{\"dueDate\":\"" + java.time.LocalDate.now().plusWeeks(16)
				+ "\",\"pain\":{\"LOWER_BACK\":5},\"minutes\":15,\"sessionsPerWeek\":3}").statusCode()).isEqualTo(200);
		assertThat(member.json("PUT", "/api/v1/me/diary/" + java.time.LocalDate.now(), "{\"pain\":{\"LOWER_BACK\":4}}")
			.statusCode()).isEqualTo(200);
		member.get("/sharing");
		var made = member.post("/sharing", "name", "Midwife Anna", "access", "view", "days", "30");
		assertThat(made.statusCode()).isEqualTo(200);
		var shared = java.util.regex.Pattern.compile("value=\"https?://[^\"]*(/shared/[A-Za-z0-9_-]+)\"")
			.matcher(made.body());
		assertThat(shared.find()).isTrue();
		member.get("/sharing");
		var calendar = java.util.regex.Pattern.compile("value=\"https?://[^\"]*(/calendar/[A-Za-z0-9_-]+\\.ics)\"")
			.matcher(member.post("/sharing/calendar", "time", "07:30").body());
		assertThat(calendar.find()).isTrue();

		var client = HttpClient.newHttpClient();
		var page = client.send(HttpRequest.newBuilder(URI.create(base + shared.group(1) + "/view")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Her plan and progress").contains("</html>");
		var pdf = client.send(HttpRequest.newBuilder(URI.create(base + shared.group(1) + "/report.pdf")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		var fhir = client.send(HttpRequest.newBuilder(URI.create(base + shared.group(1) + "/fhir.json")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(fhir.statusCode()).isEqualTo(200);
		assertThat(fhir.body()).contains("\"resourceType\": \"Bundle\"").contains("72514-3");
		var ics = client.send(HttpRequest.newBuilder(URI.create(base + calendar.group(1))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(ics.statusCode()).isEqualTo(200);
		assertThat(ics.body()).contains("BEGIN:VEVENT");
		assertThat(Files.readAllLines(log)).as("the application's log").noneMatch(line -> line.contains(" ERROR "));
	}

	/** The link in the verification e-mail, which the app writes to its outbox folder without a mail server. */
	private static String verificationLink(String email) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(deadline)) {
			try (var mails = Files.list(data.resolve("outbox"))) {
				for (Path mail : mails.toList()) {
					String text = Files.readString(mail).replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
					var link = java.util.regex.Pattern.compile("/account/verify/[A-Za-z0-9_-]+").matcher(text);
					if (text.contains(email) && link.find()) {
						return link.group();
					}
				}
			}
			catch (IOException notYet) {
				// The outbox folder is made with the first e-mail.
			}
			Thread.sleep(200);
		}
		throw new AssertionError("No verification e-mail to " + email + " in " + data.resolve("outbox"));
	}

}
