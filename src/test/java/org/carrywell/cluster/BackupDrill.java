package org.carrywell.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.carrywell.accounts.Visitor;

/**
 * The backup drill (scripts/backup-test.sh): for PostgreSQL and for the embedded H2 default, a member keeps a
 * session result; the operator's scripts back the database up (PostgreSQL while the app runs, H2 with it stopped)
 * and restore it into a new database; the app starts on the new one, she signs in with her password and finds her
 * result. Exits 1 when any step fails.
 */
public final class BackupDrill {

	private static final String PASSWORD = "a backup drill password";

	private final Path work;

	private final Path jar;

	private final Mailbox mail;

	/** Every node started, for the shutdown hook: stopped from outside, the drill leaves none running. */
	private final List<Node> nodes = new CopyOnWriteArrayList<>();

	private BackupDrill(Path work, Path jar, Mailbox mail) {
		this.work = work;
		this.jar = jar;
		this.mail = mail;
	}

	public static void main(String[] args) throws Exception {
		Drills.quietLibraries();
		Path jar = Drills.packagedJar();
		Path work = Files.createTempDirectory("carrywell-backup-drill");
		boolean passed = true;
		try (var mail = new Mailbox()) {
			var drill = new BackupDrill(work, jar, mail);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> drill.nodes.forEach(node -> {
				try {
					node.stop();
				}
				catch (InterruptedException stopping) {
					Thread.currentThread().interrupt();
				}
			})));
			for (String kind : List.of("postgres", "h2")) {
				try {
					drill.run(kind);
					System.out.println("backup and restore on " + kind + ": her result was found in the restored database");
				}
				catch (Exception | AssertionError failed) {
					passed = false;
					System.out.println("backup and restore on " + kind + " FAILED: " + failed.getMessage());
				}
			}
		}
		System.out.println("Logs and backups: " + work);
		System.exit(passed ? 0 : 1);
	}

	private void run(String kind) throws Exception {
		boolean postgres = kind.equals("postgres");
		EmbeddedPostgres server = postgres ? EmbeddedPostgres.builder().setPort(Node.freePort()).start() : null;
		try {
			Path backup = work.resolve("carrywell-" + kind + (postgres ? ".dump" : ".zip"));
			String address = "kept-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
			UUID result = UUID.randomUUID();

			Node original = node(kind + "-original", server, "postgres");
			try {
				original.start();
				original.awaitReady(Duration.ofMinutes(3));
				Visitor member = mail.newMember(original.port, address, PASSWORD);
				var kept = member.json("POST", "/api/v1/me/sessions", "[" + Traffic.result(result) + "]");
				Mailbox.expect(kept.statusCode(), 200, "keeping her result");
				if (postgres) {
					// Online: pg_dump takes one consistent snapshot while the app serves.
					script(server, "postgres", "scripts/backup.sh", "postgres", backup.toString());
				}
			}
			finally {
				original.stop();
			}
			Node restored = node(kind + "-restored", server, "restored");
			if (postgres) {
				try (var db = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
					db.createStatement().execute("CREATE DATABASE restored");
				}
				script(server, "restored", "scripts/restore.sh", "postgres", backup.toString());
			}
			else {
				// The embedded database is one process's file: backed up with the app stopped.
				script(null, null, "scripts/backup.sh", "h2", backup.toString(),
						original.directory().resolve("data/carrywell").toString());
				script(null, null, "scripts/restore.sh", "h2", backup.toString(),
						restored.directory().resolve("data/carrywell").toString());
			}
			try {
				restored.start();
				restored.awaitReady(Duration.ofMinutes(3));
				var member = new Visitor(restored.port);
				Mailbox.signIn(member, address, PASSWORD);
				String today = LocalDate.now(ZoneOffset.UTC).toString();
				var sessions = member.get("/api/v1/me/sessions?from=" + LocalDate.now(ZoneOffset.UTC).minusDays(2) + "&to=" + today);
				if (sessions.statusCode() != 200 || !sessions.body().contains(result.toString())) {
					throw new AssertionError("her result is not in the restored database: " + sessions.statusCode() + " "
							+ sessions.body());
				}
			}
			finally {
				restored.stop();
			}
		}
		finally {
			if (server != null) {
				server.close();
			}
		}
	}

	private Node node(String name, EmbeddedPostgres server, String database) throws Exception {
		var environment = new HashMap<String, String>();
		if (server != null) {
			environment.putAll(Map.of("SPRING_PROFILES_ACTIVE", "postgres", "CARRYWELL_DB_URL",
					server.getJdbcUrl("postgres", database), "CARRYWELL_DB_USER", "postgres", "CARRYWELL_DB_PASSWORD", ""));
		}
		var arguments = new ArrayList<>(List.of(mail.appArguments()));
		arguments.add("--carrywell.newsletter.delivery.enabled=false");
		var node = new Node(name, jar, work, arguments, environment);
		nodes.add(node);
		return node;
	}

	/** Runs one of the operator's scripts as documented, with libpq's variables for PostgreSQL. */
	private void script(EmbeddedPostgres server, String database, String... command) throws Exception {
		var builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("scripts.log").toFile()));
		builder.environment().put("CARRYWELL_JAR", jar.toString());
		if (server != null) {
			builder.environment().putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(server.getPort()),
					"PGUSER", "postgres", "PGDATABASE", database));
		}
		Process process = builder.start();
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError(String.join(" ", command) + " took longer than 3 minutes");
		}
		if (process.exitValue() != 0) {
			throw new AssertionError(String.join(" ", command) + " failed:\n"
					+ Files.readString(work.resolve("scripts.log")));
		}
	}

}
