package org.carrywell.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Nu HTML checker (vnu.jar, fetched by the {@code nu-checker} Maven profile) run as its own process over
 * saved pages: it cannot share the application's class path. One run checks many files, since its JVM start
 * costs more than the checking.
 */
final class NuHtmlChecker {

	static final Path JAR = Path.of(System.getProperty("carrywell.vnu", "target/vnu/vnu.jar"));

	private NuHtmlChecker() {
	}

	/** Every error in the files, as {@code file:line:column: message}; skips (fails in CI) without the checker. */
	static List<String> errors(List<Path> files) throws IOException, InterruptedException {
		boolean present = Files.isRegularFile(JAR);
		if (!present && System.getenv("CI") != null) {
			throw new IllegalStateException("CI must run the Nu HTML checker, but " + JAR + " is missing");
		}
		Assumptions.assumeTrue(present, () -> "Nu HTML checker skipped: no " + JAR
				+ " (the nu-checker Maven profile fetches it where npm is installed)");
		if (files.isEmpty()) {
			return List.of();
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		var command = new ArrayList<>(List.of(java, "-Xss8m", "-jar", JAR.toString(), "--format", "json", "--stdout",
				"--errors-only"));
		files.forEach(file -> command.add(file.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
		String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("The Nu HTML checker did not finish in two minutes");
		}
		var errors = new ArrayList<String>();
		for (JsonNode message : JsonMapper.builder().build().readTree(json).path("messages")) {
			if ("error".equals(message.path("type").asString()) || "non-document-error".equals(message.path("type").asString())) {
				errors.add(message.path("url").asString().replaceFirst("^file:.*/", "") + ":"
						+ message.path("lastLine").asInt() + ":" + message.path("firstColumn").asInt() + ": "
						+ message.path("message").asString());
			}
		}
		return errors;
	}

}
