package org.carrywell.progress;

import org.junit.jupiter.api.DisplayName;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.carrywell.EmbeddedPostgresql;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DisplayName("Progress on PostgreSQL")
class PostgresqlProgressJourneyTests extends ProgressJourneyContract {

	@DynamicPropertySource
	static void postgresProperties(DynamicPropertyRegistry registry) {
		EmbeddedPostgresql.register(registry);
	}

}
