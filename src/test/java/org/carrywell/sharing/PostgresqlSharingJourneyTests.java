package org.carrywell.sharing;

import org.junit.jupiter.api.DisplayName;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.carrywell.EmbeddedPostgresql;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@DisplayName("Sharing on PostgreSQL")
class PostgresqlSharingJourneyTests extends SharingJourneyContract {

	@DynamicPropertySource
	static void postgresProperties(DynamicPropertyRegistry registry) {
		EmbeddedPostgresql.register(registry);
	}

}
