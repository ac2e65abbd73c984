package org.carrywell.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged application started the way the README says to run it in production ({@code scripts/carrywell}),
 * on the JDK that runs the build: it prepares once (unpacks the jar and makes the class-data archive from a
 * training start), then starts with the archive and its memory limits, and serves pages with a clean log.
 */
class LauncherIT {

	private static Process app;

	private static Path log;

	private static Path appDir;

	private static String base;

	@BeforeAll
	static void startWithTheLauncher() throws Exception {
		Path jar = PackagedApp.jar();
		int port = PackagedApp.freePort();
		base = "http://127.0.0.1:" + port;
		log = Files.createTempFile("carrywell-launcher", ".log");
		Path data = Files.createTempDirectory("carrywell-launcher-data");
		appDir = data.resolve("app");
		var launcher = new ProcessBuilder("bash", "scripts/carrywell", "--server.address=127.0.0.1", "--server.port=" + port,
				"--management.server.port=" + PackagedApp.freePort(),
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("carrywell"),
				"--carrywell.mail.outbox=" + data.resolve("outbox"));
		launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
		launcher.environment().put("CARRYWELL_JAR", jar.toString());
		launcher.environment().put("CARRYWELL_APP_DIR", appDir.toString());
		// The launcher's own defaults are what is checked, whatever the machine running the test has set.
		List.of("SERVER_TOMCAT_THREADS_MAX", "CARRYWELL_HEAP", "CARRYWELL_YOUNG", "CARRYWELL_THREADS", "CARRYWELL_JAVA_OPTIONS")
			.forEach(launcher.environment()::remove);
		app = launcher.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// The first start includes the training start.
		PackagedApp.awaitHealthy(app, base, log, Duration.ofMinutes(4));
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.destroy();
			app.waitFor();
		}
	}

	@Test
	void preparesItsArchiveAndRunsWithItAndWithBoundedMemory() throws Exception {
		boolean aotCache = Runtime.version().feature() >= 25;
		Path archive = appDir.resolve(aotCache ? "carrywell.aot" : "carrywell.jsa");
		assertThat(archive).exists();
		assertThat(appDir.resolve("prepared-for")).exists();

		// The launcher's shell replaced itself with the JVM: the same process carries the options.
		List<String> arguments = List.of(app.info().arguments().orElseThrow());
		assertThat(arguments).contains(aotCache ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive)
			.contains("-XX:+UseSerialGC", "-Xmx160m", "-Xmn40m");
		// A few requests per core at once (twice the cores, at least 4, as nproc counts them), given as the
		// environment variable Spring Boot reads, so that an operator's own setting still wins.
		String environment = Files.readString(Path.of("/proc", String.valueOf(app.pid()), "environ"));
		assertThat(environment.split("\0")).anyMatch(variable -> variable.matches("SERVER_TOMCAT_THREADS_MAX=([4-9]|[1-9][0-9]+)"));

		var home = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("</html>");
		assertThat(Files.readAllLines(log)).as("the application's log").noneMatch(line -> line.contains(" ERROR "));
	}

}
