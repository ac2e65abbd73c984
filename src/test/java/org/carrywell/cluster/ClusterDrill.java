package org.carrywell.cluster;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.carrywell.accounts.Visitor;

/**
 * The kill drill (scripts/cluster-test.sh). In {@code postgres} mode: a real PostgreSQL server, two app nodes and
 * HAProxy in front of them (round-robin, health-checked), all on 127.0.0.1. In {@code h2} mode: one node on the
 * embedded default (an H2 file under its ./data/), reached directly. A mixed load runs for a minute; a newsletter
 * issue goes out to the confirmed readers; a node is killed with {@code SIGKILL} in the middle and started again.
 * Then the drill checks the database and the mail server: every acknowledged write stored exactly once, every
 * queued e-mail sent at most once (and every one recorded as sent, received), and failures only inside the kill
 * window. It prints one summary line and exits 1 when anything is wrong.
 */
public final class ClusterDrill {

	private static final Duration LOAD = Duration.ofSeconds(60);

	private static final Duration ISSUE_AT = Duration.ofSeconds(15);

	private static final Duration KILL_AT = Duration.ofSeconds(25);

	/** After the kill, how long requests may fail in postgres mode: the proxy's checks (1 s × 2) and a margin. */
	private static final Duration PROXY_WINDOW = Duration.ofSeconds(8);

	private static final int READERS = 3;

	private static final int MEMBERS = 3;

	private static final int SUBSCRIBERS = 60;

	private static final String PASSWORD = "a drill password nobody guesses";

	private static final String EDITOR_PASSWORD = "the drill editor's long password";

	private static final String ISSUE_SUBJECT = "Drill issue " + UUID.randomUUID().toString().substring(0, 8);

	private final boolean postgres;

	private final Path work;

	private final Path jar;

	private final List<String> problems = new ArrayList<>();

	private final List<AutoCloseable> running = new ArrayList<>();

	private Mailbox mail;

	private String jdbcUrl;

	private ClusterDrill(boolean postgres, Path work, Path jar) {
		this.postgres = postgres;
		this.work = work;
		this.jar = jar;
	}

	public static void main(String[] args) throws Exception {
		Drills.quietLibraries();
		String mode = args.length == 0 ? "postgres" : args[0];
		if (!mode.equals("postgres") && !mode.equals("h2")) {
			System.err.println("usage: ClusterDrill postgres|h2");
			System.exit(2);
		}
		Path jar = Drills.packagedJar();
		Path work = Files.createTempDirectory("carrywell-drill-" + mode);
		var drill = new ClusterDrill(mode.equals("postgres"), work, jar);
		// Stopped from outside (the script's timeout, Ctrl-C): the nodes and the proxy must not outlive the drill.
		Runtime.getRuntime().addShutdownHook(new Thread(drill::shutDown));
		boolean passed;
		try {
			passed = drill.run();
		}
		finally {
			drill.shutDown();
		}
		System.out.println("Logs and settings: " + work);
		System.exit(passed ? 0 : 1);
	}

	private boolean run() throws Exception {
		mail = new Mailbox();
		running.add(mail);

		var environment = new HashMap<String, String>();
		if (postgres) {
			EmbeddedPostgres database = EmbeddedPostgres.builder().setPort(Node.freePort()).start();
			running.add(database);
			jdbcUrl = database.getJdbcUrl("postgres", "postgres");
			environment.put("SPRING_PROFILES_ACTIVE", "postgres");
			environment.put("CARRYWELL_DB_URL", jdbcUrl);
			environment.put("CARRYWELL_DB_USER", "postgres");
			environment.put("CARRYWELL_DB_PASSWORD", "");
		}
		int proxyPort = Node.freePort();
		List<String> arguments = arguments(proxyPort);
		var nodes = new ArrayList<Node>();
		nodes.add(new Node("node1", jar, work, arguments, environment));
		if (postgres) {
			// The second node writes its log as JSON lines (Spring Boot's structured logging), as an operator may ask.
			var json = new HashMap<>(environment);
			json.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
			nodes.add(new Node("node2", jar, work, arguments, json));
		}
		// Both nodes start together on an empty database: one migrates it (Flyway's lock), both record the catalogue.
		long started = System.nanoTime();
		for (Node node : nodes) {
			node.start();
			running.add(node);
		}
		for (Node node : nodes) {
			node.awaitReady(Duration.ofMinutes(4));
		}
		System.out.printf(Locale.ROOT, "%d node(s) ready in %.1f s%n", nodes.size(), (System.nanoTime() - started) / 1e9);

		int sitePort = nodes.get(0).port;
		if (postgres) {
			sitePort = proxyPort;
			startProxy(proxyPort, nodes);
		}
		Node victim = nodes.get(0);

		// Before the load: members signed in, confirmed readers, an issue drafted by the editor.
		var members = new ArrayList<Visitor>();
		for (int i = 0; i < MEMBERS; i++) {
			members.add(mail.newMember(sitePort, "member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
					PASSWORD));
		}
		for (int i = 0; i < SUBSCRIBERS; i++) {
			mail.confirmedReader(sitePort);
		}
		var editor = new Visitor(sitePort);
		editor.get("/admin/login");
		expect(editor.post("/admin/login", "username", "editor", "password", EDITOR_PASSWORD), 302, "editor sign-in");
		editor.get("/admin/newsletter/issues/new");
		var drafted = editor.post("/admin/newsletter/issues", "subject", ISSUE_SUBJECT, "topics", "WORKOUT_IDEAS", "body",
				"A short issue for the drill.");
		expect(drafted, 302, "issue draft");
		String issuePath = drafted.headers().firstValue("Location").orElseThrow();
		long issueId = Long.parseLong(issuePath.replaceAll(".*/", ""));
		System.out.printf("%d members, %d confirmed readers, issue %d drafted%n", MEMBERS, SUBSCRIBERS, issueId);

		// The load, the issue, the kill and the restart.
		long loadStart = System.nanoTime();
		var traffic = new Traffic(sitePort, loadStart);
		long end = loadStart + LOAD.toNanos();
		BooleanSupplier going = () -> System.nanoTime() < end;
		ExecutorService load = Executors.newCachedThreadPool();
		var workers = new ArrayList<Future<?>>();
		for (int i = 0; i < READERS; i++) {
			workers.add(load.submit(() -> traffic.read(going)));
		}
		for (Visitor member : members) {
			workers.add(load.submit(() -> {
				traffic.saveResults(member, going);
				return null;
			}));
		}
		workers.add(load.submit(() -> {
			traffic.signUp(going);
			return null;
		}));

		sleepUntil(loadStart + ISSUE_AT.toNanos());
		editor.get(issuePath);
		expect(editor.post(issuePath + "/send"), 302, "sending the issue");
		System.out.printf("issue sent to the queue at %.1f s%n", traffic.now() / 1000.0);

		sleepUntil(loadStart + KILL_AT.toNanos());
		if (waitingMessages(nodes.get(nodes.size() - 1)) == 0) {
			problems.add("the issue was sent before the kill: the kill did not fall mid-send");
		}
		// The window opens as the signal is sent: requests in flight on the node fail from that moment.
		long killedAt = traffic.now();
		victim.kill();
		System.out.printf("%s killed (SIGKILL) at %.1f s%n", victim.name, killedAt / 1000.0);
		victim.start();
		victim.awaitReady(Duration.ofMinutes(4));
		long backAt = traffic.now();
		System.out.printf("%s ready again at %.1f s (%.1f s after the kill)%n", victim.name, backAt / 1000.0,
				(backAt - killedAt) / 1000.0);
		for (Future<?> worker : workers) {
			worker.get(2, TimeUnit.MINUTES);
		}
		load.shutdown();
		long loadEnd = traffic.now();

		// Figures: requests answered per second with every node, and while one was down.
		System.out.printf(Locale.ROOT, "answered %d requests in %.0f s: %.0f/s before the kill (%d node(s)), %.0f/s while %s was down%n",
				traffic.answered.get(), loadEnd / 1000.0, traffic.perSecond(3000, killedAt), nodes.size(),
				traffic.perSecond(killedAt, backAt), victim.name);

		awaitDeliveries(victim);
		checkMetricsAndLogs(nodes);
		if (!postgres) {
			// The embedded database is one process's file: read it once the node has stopped.
			for (Node node : nodes) {
				node.stop();
			}
			jdbcUrl = "jdbc:h2:file:" + victim.directory().resolve("data/carrywell") + ";AUTO_SERVER=FALSE";
		}
		long windowEnd = postgres ? killedAt + PROXY_WINDOW.toMillis() : backAt + 1000;
		return check(traffic, issueId, killedAt, windowEnd);
	}

	private List<String> arguments(int proxyPort) {
		var arguments = new ArrayList<>(List.of(mail.appArguments()));
		arguments.addAll(List.of("--carrywell.base-url=http://127.0.0.1:" + proxyPort,
				// Behind the proxy the client's address comes from X-Forwarded-For, trusted from loopback only.
				"--server.forward-headers-strategy=native",
				"--carrywell.newsletter.editor.password=" + EDITOR_PASSWORD,
				// Deliveries: two a second (a batch of two every second), so that sending spans the kill; a node
				// killed mid-send frees the lock after 10 s and its claimed message is in doubt after 15 s.
				"--carrywell.newsletter.delivery.interval=1s", "--carrywell.newsletter.delivery.batch-size=2",
				"--carrywell.newsletter.delivery.lock-at-most-for=PT10S",
				"--carrywell.newsletter.delivery.in-doubt-after=15s",
				// Every request comes from 127.0.0.1: the per-network limits would refuse the drill's own load.
				"--carrywell.newsletter.signup-limits.per-client=1000000",
				"--carrywell.accounts.sign-in.per-network=1000000", "--carrywell.accounts.mail.per-network=1000000",
				"--carrywell.accounts.mail.per-inbox=1000"));
		return arguments;
	}

	private void startProxy(int proxyPort, List<Node> nodes) throws Exception {
		var servers = new StringBuilder();
		for (Node node : nodes) {
			servers.append("  server ").append(node.name).append(" 127.0.0.1:").append(node.port).append(" check\n");
		}
		Path config = work.resolve("haproxy.cfg");
		Files.writeString(config, """
				# deploy/haproxy.cfg with the drill's ports and a faster check
				global
				  maxconn 1024
				defaults
				  mode http
				  timeout connect 2s
				  timeout client 30s
				  timeout server 30s
				  # A request that could not reach a node (nothing was sent) goes to the other one.
				  timeout check 3s
				  retries 2
				  retry-on conn-failure
				  option redispatch
				frontend site
				  bind 127.0.0.1:%d
				  default_backend nodes
				backend nodes
				  balance roundrobin
				  http-request set-header X-Forwarded-For %%[src]
				  option httpchk GET /readyz
				  http-check expect status 200
				  default-server inter 1s fall 2 rise 2
				%s""".formatted(proxyPort, servers));
		Process proxy = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
			.redirectOutput(work.resolve("haproxy.log").toFile())
			.start();
		running.add(() -> {
			proxy.destroy();
			proxy.waitFor(10, TimeUnit.SECONDS);
		});
		var probe = new Visitor(proxyPort);
		for (int attempt = 0; attempt < 100; attempt++) {
			try {
				if (probe.get("/readyz").statusCode() == 200) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// Still starting.
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("HAProxy did not answer: " + Files.readString(work.resolve("haproxy.log")));
	}

	/**
	 * Waits until no delivery is waiting or being sent, as the operator's queue-depth metric shows it (in doubt
	 * ones are settled by then); what still waits after 90 s is counted as not sent.
	 */
	private void awaitDeliveries(Node node) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			String metrics = node.metrics();
			if (metrics.contains("queue=\"newsletter\",status=\"queued\"} 0.0")
					&& metrics.contains("queue=\"newsletter\",status=\"sending\"} 0.0")) {
				return;
			}
			Thread.sleep(500);
		}
	}

	/** Newsletter messages waiting to be sent, as the operator's metric shows them. */
	private static int waitingMessages(Node node) throws Exception {
		Matcher queued = Pattern.compile("carrywell_queue_depth\\{[^}]*queue=\"newsletter\",status=\"queued\"} ([0-9.]+)")
			.matcher(node.metrics());
		return queued.find() ? (int) Double.parseDouble(queued.group(1)) : 0;
	}

	private void checkMetricsAndLogs(List<Node> nodes) throws Exception {
		for (Node node : nodes) {
			if (!node.metrics().contains("carrywell_plan_generation_seconds_count")) {
				problems.add(node.name + "'s metrics have no plan-generation timer");
			}
		}
		if (nodes.size() > 1) {
			String json = nodes.get(1).log();
			if (json.lines().noneMatch(line -> line.startsWith("{\"@timestamp\""))) {
				problems.add(nodes.get(1).name + " wrote no JSON log lines");
			}
		}
	}

	private List<Message> issueMails() throws MessagingException {
		var issued = new ArrayList<Message>();
		for (MimeMessage message : mail.server.getReceivedMessages()) {
			if (ISSUE_SUBJECT.equals(message.getSubject())) {
				issued.add(message);
			}
		}
		return issued;
	}

	private boolean check(Traffic traffic, long issueId, long killedAt, long windowEnd) throws Exception {
		Map<String, Integer> results;
		Map<String, Integer> subscribers;
		Map<String, String> deliveries;
		Map<String, Integer> versions;
		Map<String, Integer> migrations;
		try (Connection db = DriverManager.getConnection(jdbcUrl, postgres ? "postgres" : "sa", "")) {
			results = counts(db, "SELECT CAST(client_id AS VARCHAR(36)), COUNT(*) FROM session_result GROUP BY client_id");
			subscribers = counts(db, "SELECT email, COUNT(*) FROM newsletter_subscriber GROUP BY email");
			versions = counts(db, "SELECT content_version, COUNT(*) FROM catalogue_version GROUP BY content_version");
			// Flyway names its table and columns in quotes, in lower case, on both databases.
			migrations = counts(db, "SELECT \"version\", COUNT(*) FROM \"flyway_schema_history\" "
					+ "WHERE \"version\" IS NOT NULL GROUP BY \"version\"");
			deliveries = new HashMap<>();
			var rows = db.prepareStatement("SELECT s.email, d.status FROM newsletter_delivery d "
					+ "JOIN newsletter_subscriber s ON s.id = d.subscriber_id WHERE d.issue_id = ?");
			rows.setLong(1, issueId);
			var result = rows.executeQuery();
			while (result.next()) {
				deliveries.put(result.getString(1), result.getString(2));
			}
		}

		var stored = new AtomicLong();
		var duplicates = new AtomicLong();
		var lost = new AtomicLong();
		tally(traffic.acknowledgedResults.stream().map(UUID::toString).toList(), results, stored, duplicates, lost);
		tally(traffic.acknowledgedSignUps, subscribers, stored, duplicates, lost);
		// A result sent but never acknowledged may be stored or not, but never twice.
		traffic.unsettledResults.forEach(id -> {
			if (results.getOrDefault(id.toString(), 0) > 1) {
				duplicates.incrementAndGet();
			}
		});
		long acknowledged = traffic.acknowledgedResults.size() + traffic.acknowledgedSignUps.size();

		// Each reader's copy of the issue: the same Message-ID for the same reader, so two copies are two sends.
		var copies = new HashMap<String, Integer>();
		for (Message message : issueMails()) {
			copies.merge(message.getAllRecipients()[0].toString(), 1, Integer::sum);
		}
		long sentTwice = copies.values().stream().filter(n -> n > 1).count();
		int sent = 0;
		int inDoubt = 0;
		int notSent = 0;
		for (var delivery : deliveries.entrySet()) {
			int received = copies.getOrDefault(delivery.getKey(), 0);
			switch (delivery.getValue()) {
				case "SENT" -> {
					if (received == 1) {
						sent++;
					}
					else {
						problems.add("delivery to " + delivery.getKey() + " recorded as sent, received " + received + " times");
					}
				}
				// At most once (ADR 0005): a message whose node died between sending and recording is set aside for
				// the editor, whether or not it left; it is never sent again on its own.
				case "IN_DOUBT" -> inDoubt++;
				default -> notSent++;
			}
		}
		if (deliveries.size() != SUBSCRIBERS) {
			problems.add("the issue was queued for " + deliveries.size() + " readers, not " + SUBSCRIBERS);
		}
		// A node sends one message at a time, so one kill can leave at most one message in doubt.
		if (inDoubt > 1) {
			problems.add(inDoubt + " deliveries set aside in doubt after one kill (at most 1 can be)");
		}
		if (notSent > 0) {
			problems.add(notSent + " deliveries neither sent nor set aside");
		}
		lost.addAndGet(notSent);
		System.out.printf("issue: %d queued, %d sent and received once, %d set aside in doubt, %d not sent%n",
				deliveries.size(), sent, inDoubt, notSent);

		versions.forEach((version, rows) -> {
			if (rows != 1) {
				problems.add("catalogue version " + version + " recorded " + rows + " times");
			}
		});
		migrations.forEach((version, rows) -> {
			if (rows != 1) {
				problems.add("migration " + version + " applied " + rows + " times");
			}
		});

		var failures = new ArrayList<>(traffic.failures);
		var outside = failures.stream().filter(f -> f.atMillis() < killedAt || f.atMillis() > windowEnd).toList();
		if (failures.isEmpty()) {
			System.out.println("no request failed");
		}
		else {
			long first = failures.stream().mapToLong(Traffic.Failure::atMillis).min().orElseThrow();
			long last = failures.stream().mapToLong(Traffic.Failure::atMillis).max().orElseThrow();
			System.out.printf(Locale.ROOT, "%d requests failed, from %.2f s to %.2f s after the kill (allowed: up to %.1f s): %s%n",
					failures.size(), (first - killedAt) / 1000.0, (last - killedAt) / 1000.0,
					(windowEnd - killedAt) / 1000.0, summary(failures));
		}
		if (!outside.isEmpty()) {
			problems.add(outside.size() + " requests failed outside the kill window: " + summary(outside));
		}
		problems.forEach(problem -> System.out.println("PROBLEM: " + problem));
		System.out.printf("acknowledged %d, stored %d, duplicates %d, lost %d, sent-twice %d%n", acknowledged,
				stored.get(), duplicates.get(), lost.get(), sentTwice);
		return problems.isEmpty() && duplicates.get() == 0 && lost.get() == 0 && sentTwice == 0
				&& stored.get() == acknowledged;
	}

	private static void tally(Collection<String> acknowledged, Map<String, Integer> rows, AtomicLong stored,
			AtomicLong duplicates, AtomicLong lost) {
		for (String key : acknowledged) {
			int n = rows.getOrDefault(key, 0);
			if (n == 0) {
				lost.incrementAndGet();
			}
			else {
				stored.incrementAndGet();
				if (n > 1) {
					duplicates.incrementAndGet();
				}
			}
		}
	}

	private static Map<String, Integer> counts(Connection db, String sql) throws SQLException {
		var counts = new HashMap<String, Integer>();
		var result = db.createStatement().executeQuery(sql);
		while (result.next()) {
			counts.put(result.getString(1).toLowerCase(Locale.ROOT), result.getInt(2));
		}
		return counts;
	}

	private static String summary(List<Traffic.Failure> failures) {
		var byKind = new TreeMap<String, Integer>();
		failures.forEach(f -> byKind.merge(f.request().replaceAll("\\?.*", "") + " → " + f.outcome(), 1, Integer::sum));
		return byKind.toString();
	}

	private static void expect(HttpResponse<String> answer, int status, String what) {
		if (answer.statusCode() != status) {
			throw new IllegalStateException(what + " answered " + answer.statusCode() + " instead of " + status + ": "
					+ answer.body().substring(0, Math.min(500, answer.body().length())));
		}
	}

	private static void sleepUntil(long nanos) throws InterruptedException {
		long wait = nanos - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	/** Stops what is still running, last started first; safe to call twice (the shutdown hook). */
	private synchronized void shutDown() {
		for (int i = running.size() - 1; i >= 0; i--) {
			try {
				running.remove(i).close();
			}
			catch (Exception ignored) {
				// Stopping what is left; the first failure has been reported.
			}
		}
	}

}
