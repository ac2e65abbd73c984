package org.carrywell.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.carrywell.accounts.Visitor;

/**
 * The limits per client network on secret addresses and on what is costly to make, with low values: past them, a
 * 429 with Retry-After, whatever the token (the limit is counted before anything reads it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "carrywell.sharing.downloads.per-network=3", "carrywell.sharing.links.per-network=6" })
class SharingLimitsTests {

	@LocalServerPort
	int port;

	@Test
	void reportsAndSecretAddressesAreLimitedPerNetwork() {
		var visitor = new Visitor(port);
		for (int i = 0; i < 3; i++) {
			assertThat(visitor.get("/shared/no-such-link/report.pdf").statusCode()).isEqualTo(404);
		}
		var refused = visitor.get("/shared/no-such-link/fhir.json");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		for (int i = 0; i < 2; i++) {
			assertThat(visitor.get("/calendar/no-such-address.ics").statusCode()).isEqualTo(404);
		}
		assertThat(visitor.get("/shared/no-such-link").statusCode()).as("the seventh secret address").isEqualTo(429);
		assertThat(visitor.get("/exercises").statusCode()).as("other pages are not limited").isEqualTo(200);
	}

}
