package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
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

	@BeforeAll
	static void startTheJar() throws Exception {
		Path jar;
		try (var files = Files.list(Path.of("target"))) {
			jar = files.filter(file -> file.getFileName().toString().matches("carrywell-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no packaged jar in target/"));
		}
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		base = "http://127.0.0.1:" + port;
		log = Files.createTempFile("carrywell-packaged", ".log");
		Path data = Files.createTempDirectory("carrywell-packaged-data");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		app = new ProcessBuilder(java, "-jar", jar.toString(), "--server.address=127.0.0.1", "--server.port=" + port,
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("carrywell"),
				"--carrywell.mail.outbox=" + data.resolve("outbox"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		var client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (true) {
			try {
				var health = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					break;
				}
			}
			catch (IOException notYet) {
				// Still starting.
			}
			if (!app.isAlive() || Instant.now().isAfter(deadline)) {
				throw new AssertionError("The packaged app did not start:\n" + Files.readString(log));
			}
			Thread.sleep(250);
		}
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

}
