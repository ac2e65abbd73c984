package org.carrywell.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The embedded default: H2. */
@SpringBootTest
@DisplayName("Persistence on H2")
class H2PersistenceIntegrationTests extends PersistenceContract {

	@Test
	void runsOnH2() {
		assertThat(databaseProduct()).startsWith("H2");
	}

}
