package org.carrywell.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One app node: the packaged jar in a process of its own, on its own ports, with its own log. It can be killed
 * outright ({@code SIGKILL}, as a crashed machine would stop it) and started again with the same settings.
 */
final class Node implements AutoCloseable {

	/** Ports this drill has handed out already: each is bound later, so the kernel cannot tell they are taken. */
	private static final Set<Integer> HANDED_OUT = new HashSet<>();

	private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final String name;

	final int port;

	final int managementPort;

	private final Path jar;

	private final Path log;

	private final List<String> arguments;

	private final Map<String, String> environment;

	/** The working directory: where the embedded default keeps ./data/. */
	private final Path directory;

	private Process process;

	private int starts;

	Node(String name, Path jar, Path work, List<String> arguments, Map<String, String> environment) throws IOException {
		this.name = name;
		this.directory = Files.createDirectories(work.resolve(name));
		this.jar = jar;
		this.port = freePort();
		this.managementPort = freePort();
		this.log = work.resolve(name + ".log");
		this.arguments = arguments;
		this.environment = environment;
	}

	/**
	 * A free port below Linux's ephemeral range (32768 and up): a port the kernel handed out as free could be taken,
	 * before the node binds it, by the source port of one of the drill's own outgoing connections.
	 */
	static synchronized int freePort() throws IOException {
		var random = ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 1000; attempt++) {
			int port = random.nextInt(20_000, 32_000);
			if (!HANDED_OUT.add(port)) {
				continue; // Not bound yet by whoever has it, but taken.
			}
			try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				return socket.getLocalPort();
			}
			catch (IOException taken) {
				// Try another.
			}
		}
		throw new IOException("No free port between 20000 and 32000");
	}

	/** Starts the process (appending to its log); {@link #awaitReady} says when it serves. */
	void start() throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
				jar.toString(), "--server.address=127.0.0.1", "--server.port=" + port,
				"--management.server.port=" + managementPort));
		command.addAll(arguments);
		var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		Files.writeString(log, "%n--- start %d of %s%n".formatted(++starts, name), StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		process = builder.start();
	}

	/** Waits until the node's readiness probe answers 200; fails with its log when it stops or takes too long. */
	void awaitReady(Duration patience) throws Exception {
		long deadline = System.nanoTime() + patience.toNanos();
		while (!ready()) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException(name + " did not become ready:\n" + tail());
			}
			Thread.sleep(100);
		}
	}

	boolean ready() {
		try {
			var answer = PROBE.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.discarding());
			return answer.statusCode() == 200;
		}
		catch (IOException notYet) {
			return false;
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The management port's metrics, as a scraper would read them. */
	String metrics() throws Exception {
		return PROBE.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	/** {@code SIGKILL}: no shutdown hook, no graceful end of requests, connections dropped mid-way. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/** {@code SIGTERM}: Spring Boot's graceful shutdown. */
	void stop() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	Path directory() {
		return directory;
	}

	String log() throws IOException {
		return Files.readString(log);
	}

	String tail() throws IOException {
		String text = log();
		return text.substring(Math.max(0, text.length() - 6000));
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

}
