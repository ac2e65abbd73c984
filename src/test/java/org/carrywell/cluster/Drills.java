package org.carrywell.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the drills' mains share: the packaged jar they run, and quiet libraries. */
final class Drills {

	private Drills() {
	}

	/** The jar {@code ./mvnw package} made, as an absolute path (each node runs in a folder of its own). */
	static Path packagedJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(file -> file.getFileName().toString().matches("carrywell-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run ./mvnw package first"))
				.toAbsolutePath();
		}
	}

	/** The drill's own libraries (the mail server, the embedded database) speak at INFO on every message. */
	static void quietLibraries() {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
	}

}
