package org.carrywell.quality;

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

/** What the tests of the packaged jar share: finding the jar, a free port, and waiting until the app answers. */
final class PackagedApp {

	private PackagedApp() {
	}

	static Path jar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(file -> file.getFileName().toString().matches("carrywell-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no packaged jar in target/"));
		}
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Waits for a healthy answer; fails with the app's log if it stops or takes longer than {@code patience}. */
	static void awaitHealthy(Process app, String base, Path log, Duration patience) throws Exception {
		var client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(patience);
		while (true) {
			try {
				var health = client.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return;
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

}
